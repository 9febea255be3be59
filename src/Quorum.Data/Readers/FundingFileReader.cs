using System.Text.Json;
using Quorum.Core.Instruments;
using Quorum.Core.MarketData;

namespace Quorum.Data.Readers;

/// <summary>
/// Reads historical funding rates. Layouts (detected from content):
/// <list type="bullet">
/// <item>The historical-funding-rates-fetcher CSV <c>Symbol,Date,Funding Rate</c> (as in
/// <c>shared/data/funding</c>), whose dates are <b>local time UTC+3</b> with no offset written
/// (<see cref="FetcherLocalOffset"/>): they are converted to UTC keeping the millisecond jitter,
/// so <c>2023-01-08 03:00:00.015</c> becomes 1673136000015.</item>
/// <item>Any CSV with a header naming a time column (<c>fundingTime</c>, <c>timestamp</c>, <c>time</c>,
/// <c>date</c>, <c>datetime</c>, <c>calc_time</c>) and a rate column (<c>fundingRate</c>,
/// <c>funding_rate</c>, <c>Funding Rate</c>, <c>rate</c>), with epoch times (UTC, unit by magnitude) or
/// ISO times (an explicit offset is honoured).</item>
/// <item>Binance's funding REST JSON: <c>[{"symbol":"BTCUSDT","fundingTime":1673136000015,"fundingRate":"0.00005657",...}]</c>.</item>
/// </list>
/// A symbol column, when present, must name the requested pair (<c>BTC-USDT</c>, <c>BTC/USDT:USDT</c>
/// and <c>BTCUSDT</c> all match <c>BINANCE:BTCUSDT.P</c>). Rows must be strictly ascending in time.
/// </summary>
public static class FundingFileReader
{
    /// <summary>The UTC offset of the offset-less dates in the historical-funding-rates-fetcher CSV layout: +03:00.</summary>
    public static readonly TimeSpan FetcherLocalOffset = TimeSpan.FromHours(3);

    private const int MaxColumns = 32;
    private static readonly string[] TimeNames = ["fundingtime", "timestamp", "time", "date", "datetime", "calctime", "fundingratetimestamp"];
    private static readonly string[] RateNames = ["fundingrate", "rate"];

    /// <summary>Reads the funding rates of <paramref name="symbol"/> from <paramref name="path"/>, oldest first, times in UTC ms.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="symbol">The perpetual the rates belong to.</param>
    /// <param name="localTimeOffset">
    /// The UTC offset of textual times written without one. Null means the layout's documented default:
    /// <see cref="FetcherLocalOffset"/> (+03:00) for the <c>Symbol,Date,Funding Rate</c> layout, UTC for
    /// every other layout. Epoch times and times with an explicit offset are not affected.
    /// </param>
    /// <exception cref="DataFormatException">The content is not a valid funding file.</exception>
    public static FundingRate[] Read(string path, Symbol symbol, TimeSpan? localTimeOffset = null)
    {
        if (symbol.Venue.Code is null)
        {
            throw new ArgumentException("symbol is required (a default Symbol has no venue)", nameof(symbol));
        }

        var source = SourceText.Load(path);
        if (source.IsBlank)
        {
            throw source.Error("is empty (expected funding rates as CSV or a JSON array)");
        }

        return source.FirstSignificantByte switch
        {
            (byte)'[' => ReadJson(source, symbol),
            (byte)'{' => throw source.Error(
                "holds a JSON object (expected a JSON array of funding rates such as [{\"fundingTime\": 1673136000015, \"fundingRate\": \"0.00005657\"}, ...]; " +
                "an exchange error response such as {\"code\":-1121,...} is not data)"),
            _ => ReadCsv(source, symbol, localTimeOffset),
        };
    }

    private static FundingRate[] ReadCsv(SourceText source, Symbol symbol, TimeSpan? localTimeOffset)
    {
        var lines = new CsvLineEnumerator(source.Content);
        lines.MoveNextNonBlank();
        var headerLineNumber = lines.LineNumber;
        Span<Range> cells = stackalloc Range[MaxColumns];
        var header = lines.Current;
        var columnCount = CsvText.Split(header, cells);
        if (columnCount > MaxColumns)
        {
            throw source.Error(RowLocation.Line(headerLineNumber), null, null, $"header has {columnCount} columns (at most {MaxColumns} are supported)");
        }

        var (names, normalized) = CsvText.HeaderNames(header, cells[..columnCount]);

        var timeIndex = Array.FindIndex(normalized, n => TimeNames.Contains(n));
        var rateIndex = Array.FindIndex(normalized, n => RateNames.Contains(n));
        var symbolIndex = Array.IndexOf(normalized, "symbol");
        if (timeIndex < 0 || rateIndex < 0)
        {
            throw source.Error(
                RowLocation.Line(headerLineNumber),
                null,
                null,
                $"header '{CsvText.Text(header)}' has no {(timeIndex < 0 ? "time column (fundingTime, timestamp, time, date, datetime or calc_time)" : "funding rate column (fundingRate, funding_rate, Funding Rate or rate)")} " +
                $"(expected e.g. Symbol,Date,Funding Rate or fundingTime,fundingRate){CsvText.SeparatorHint(header, columnCount)}");
        }

        var isFetcherLayout = columnCount == 3 && normalized[0] == "symbol" && normalized[1] == "date" && normalized[2] == "fundingrate";
        var offset = localTimeOffset ?? (isFetcherLayout ? FetcherLocalOffset : TimeSpan.Zero);
        var timeColumn = CsvText.DescribeColumn(timeIndex, names[timeIndex]);
        var rateColumn = CsvText.DescribeColumn(rateIndex, names[rateIndex]);
        var symbolColumn = symbolIndex >= 0 ? CsvText.DescribeColumn(symbolIndex, names[symbolIndex]) : string.Empty;

        var rates = new List<FundingRate>(source.Content.Length / 40);
        var previousLocation = default(RowLocation);
        while (lines.MoveNext())
        {
            var line = lines.Current;
            if (CsvText.IsBlank(line))
            {
                continue;
            }

            var location = RowLocation.Line(lines.LineNumber);
            var count = CsvText.Split(line, cells);
            if (count != columnCount)
            {
                throw source.Error(location, null, null, $"has {count} columns, expected {columnCount} (as in the header on line {headerLineNumber})");
            }

            if (symbolIndex >= 0)
            {
                CheckSymbol(source, location, symbolColumn, line[cells[symbolIndex]], symbol);
            }

            var timeCell = line[cells[timeIndex]];
            var problem = TimestampText.TryParse(timeCell, offset, out var fundingTime);
            if (problem is not null)
            {
                throw source.Error(location, timeColumn, CsvText.Text(timeCell), problem);
            }

            var rate = ParseRate(source, location, rateColumn, line[cells[rateIndex]]);
            Append(source, rates, new FundingRate(symbol, fundingTime, rate), location, ref previousLocation, timeColumn);
        }

        if (rates.Count == 0)
        {
            throw source.Error($"has a header on line {headerLineNumber} but no data rows");
        }

        return [.. rates];
    }

    private static FundingRate[] ReadJson(SourceText source, Symbol symbol)
    {
        var content = source.Content;
        var reader = new Utf8JsonReader(content);
        var rates = new List<FundingRate>();
        var previousLocation = default(RowLocation);
        try
        {
            reader.Read();
            long index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var location = RowLocation.Element(index, reader.TokenStartIndex);
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw source.Error(location, null, null, $"is a JSON {JsonText.Describe(reader.TokenType)} (expected an object {{\"symbol\":..., \"fundingTime\":..., \"fundingRate\":...}})");
                }

                long? fundingTime = null;
                decimal? rate = null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var property = reader.GetString();
                    reader.Read();
                    switch (property)
                    {
                        case "symbol":
                            CheckSymbol(source, location, "symbol", Scalar(source, ref reader, location, "symbol"), symbol);
                            break;
                        case "fundingTime":
                            fundingTime = ParseEpoch(source, location, Scalar(source, ref reader, location, "fundingTime"));
                            break;
                        case "fundingRate":
                            rate = ParseRate(source, location, "fundingRate", Scalar(source, ref reader, location, "fundingRate"));
                            break;
                        default:
                            reader.Skip();
                            break;
                    }
                }

                if (fundingTime is null || rate is null)
                {
                    throw source.Error(location, null, null, $"has no {(fundingTime is null ? "fundingTime" : "fundingRate")} (expected {{\"fundingTime\": <epoch ms>, \"fundingRate\": \"<decimal>\"}})");
                }

                Append(source, rates, new FundingRate(symbol, fundingTime.Value, rate.Value), location, ref previousLocation, "fundingTime");
                index++;
            }

            // Anything but whitespace after the array makes the reader throw a JsonException
            // ("... is invalid after a single JSON value"), reported as invalid JSON with its line.
            _ = reader.Read();
        }
        catch (JsonException exception)
        {
            throw source.InvalidJson(exception);
        }

        return rates.Count > 0 ? [.. rates] : throw source.Error("holds an empty JSON array (expected at least one funding rate)");
    }

    private static ReadOnlySpan<byte> Scalar(SourceText source, ref Utf8JsonReader reader, RowLocation location, string property)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Number) || reader.ValueIsEscaped)
        {
            throw source.Error(location, property, null, $"is a JSON {JsonText.Describe(reader.TokenType)} (expected a number or a string)");
        }

        return reader.ValueSpan;
    }

    private static long ParseEpoch(SourceText source, RowLocation location, ReadOnlySpan<byte> text)
    {
        var status = DecimalText.TryParseInteger(text, out var epoch);
        string? problem = "is not an epoch time in milliseconds (expected an integer such as 1673136000015)";
        long utcMs = 0;
        if (status == NumberParseStatus.Ok)
        {
            problem = TimestampText.TryEpochToMilliseconds(epoch, out utcMs);
        }

        return problem is null ? utcMs : throw source.Error(location, "fundingTime", CsvText.Text(text), problem);
    }

    private static decimal ParseRate(SourceText source, RowLocation location, string column, ReadOnlySpan<byte> text)
    {
        var status = DecimalText.TryParse(text, out var rate);
        return status == NumberParseStatus.Ok ? rate : throw source.Error(location, column, CsvText.Text(text), DecimalText.Describe(status));
    }

    private static void CheckSymbol(SourceText source, RowLocation location, string column, ReadOnlySpan<byte> text, Symbol symbol)
    {
        var written = CsvText.Text(text);
        var pair = written.Trim().ToUpperInvariant();
        var settle = pair.IndexOf(':', StringComparison.Ordinal);
        if (settle >= 0)
        {
            pair = pair[..settle]; // ccxt "BTC/USDT:USDT"
        }

        if (pair.EndsWith(".P", StringComparison.Ordinal))
        {
            pair = pair[..^2];
        }

        pair = pair.Replace("-", string.Empty, StringComparison.Ordinal)
            .Replace("/", string.Empty, StringComparison.Ordinal)
            .Replace("_", string.Empty, StringComparison.Ordinal);
        if (!string.Equals(pair, symbol.Pair, StringComparison.Ordinal))
        {
            throw source.Error(location, column, written, $"does not match the requested symbol {symbol} (expected pair {symbol.Pair}, e.g. {symbol.BaseAsset}-{symbol.QuoteAsset})");
        }
    }

    private static void Append(SourceText source, List<FundingRate> rates, FundingRate rate, RowLocation location, ref RowLocation previousLocation, string timeColumn)
    {
        if (rates.Count > 0)
        {
            var previous = rates[^1].FundingTimeMs;
            if (rate.FundingTimeMs <= previous)
            {
                var what = rate.FundingTimeMs == previous ? "duplicates the funding time of" : $"is before {TimestampText.Format(previous)} on";
                throw source.Error(
                    location,
                    timeColumn,
                    null,
                    $"funding time {TimestampText.Format(rate.FundingTimeMs)} {what} {source.Describe(previousLocation)} (rows must be strictly ascending in time; rows are never reordered)");
            }
        }

        rates.Add(rate);
        previousLocation = location;
    }
}
