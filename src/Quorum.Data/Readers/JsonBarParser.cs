using System.Text.Json;
using Quorum.Core.Time;

namespace Quorum.Data.Readers;

/// <summary>Reads freqtrade JSON (<c>[[ms,o,h,l,c,v],…]</c>) and Binance REST klines JSON (12-field arrays, string numbers).</summary>
internal static class JsonBarParser
{
    private const int FreqtradeFields = 6;
    private const int BinanceFields = 12;

    public static BarFileReadResult Parse(SourceText source, Timeframe? timeframe)
    {
        var content = source.Content;
        var reader = new Utf8JsonReader(content, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            return ParseArray(source, ref reader, timeframe);
        }
        catch (JsonException exception)
        {
            throw source.InvalidJson(exception);
        }
    }

    private static BarFileReadResult ParseArray(SourceText source, ref Utf8JsonReader reader, Timeframe? timeframe)
    {
        var content = source.Content;
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw source.Error(
                $"holds a JSON {JsonText.Describe(reader.TokenType)} at the top level (expected an array of klines: " +
                "[[open_time_ms, open, high, low, close, volume], ...] or Binance's 12-field klines)");
        }

        Span<Range> fields = stackalloc Range[BinanceFields];
        BarColumns? columns = null;
        BarRowSink? sink = null;
        var format = BarFileFormat.FreqtradeJson;
        long index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var location = RowLocation.Element(index, reader.TokenStartIndex);
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw source.Error(location, null, null, $"is a JSON {JsonText.Describe(reader.TokenType)} (expected an array [open_time, open, high, low, close, volume, ...])");
            }

            var count = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                long start;
                switch (reader.TokenType)
                {
                    case JsonTokenType.Number:
                        start = reader.TokenStartIndex;
                        break;
                    case JsonTokenType.String when !reader.ValueIsEscaped:
                        start = reader.TokenStartIndex + 1;
                        break;
                    default:
                        throw source.Error(
                            location,
                            $"field [{count}]",
                            reader.TokenType == JsonTokenType.String ? reader.GetString() : null,
                            $"is a JSON {JsonText.Describe(reader.TokenType)} (expected a number or a numeric string)");
                }

                if (count < fields.Length)
                {
                    fields[count] = new Range((int)start, (int)start + reader.ValueSpan.Length);
                }

                count++;
            }

            if (columns is null)
            {
                (columns, format) = count switch
                {
                    FreqtradeFields => (BarColumns.Positional(FreqtradeFields, withCloseTime: false, json: true), BarFileFormat.FreqtradeJson),
                    BinanceFields => (BarColumns.Positional(BinanceFields, withCloseTime: true, json: true), BarFileFormat.BinanceKlinesJson),
                    _ => throw source.Error(
                        location,
                        null,
                        null,
                        $"has {count} fields (expected 6 for freqtrade [open_time_ms, open, high, low, close, volume] or 12 for Binance klines)"),
                };
                sink = new BarRowSink(source, timeframe, columns.Descriptions[BarColumns.TimeRole], allowNewestFirst: false, content.Length / 48);
            }
            else if (count != columns.ColumnCount)
            {
                throw source.Error(location, null, null, $"has {count} fields, expected {columns.ColumnCount} (as element [0])");
            }

            BarRowParser.AddRow(source, content, fields, columns, sink!, timeframe, location);
            index++;
        }

        // Anything but whitespace after the array makes the reader throw a JsonException
        // ("... is invalid after a single JSON value"), reported as invalid JSON with its line.
        _ = reader.Read();

        if (sink is null || columns is null)
        {
            throw source.Error("holds an empty JSON array (expected at least one kline)");
        }

        var (bars, inferred) = sink.Complete();
        return new BarFileReadResult(source.Path, bars, format, inferred, bars.Length, RowOrder.OldestFirst);
    }
}
