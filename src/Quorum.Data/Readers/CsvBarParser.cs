using Quorum.Core.Time;

namespace Quorum.Data.Readers;

/// <summary>Reads the CSV bar layouts (see <see cref="BarFileFormat"/>).</summary>
internal static class CsvBarParser
{
    private const int MaxColumns = 64;

    private static readonly string[] TimeNames = ["date", "datetime", "timestamp", "time", "opentime", "unix", "unixtime", "timeutc", "dateutc"];

    public static BarFileReadResult Parse(SourceText source, Timeframe? timeframe)
    {
        var content = source.Content;
        var lines = new CsvLineEnumerator(content);
        if (!lines.MoveNextNonBlank())
        {
            throw source.Error("is empty (expected bars as CSV or JSON)");
        }

        Span<Range> fields = stackalloc Range[MaxColumns];
        var format = BarFileFormat.OhlcvCsv;
        var isCryptoDataDownload = false;
        if (ContainsIgnoreCase(lines.Current, "cryptodatadownload"u8))
        {
            isCryptoDataDownload = true;
            format = BarFileFormat.CryptoDataDownloadCsv;
            if (!lines.MoveNextNonBlank())
            {
                throw source.Error("has a CryptoDataDownload banner line but no header line after it");
            }
        }

        var firstLine = lines.Current;
        var firstLineNumber = lines.LineNumber;
        var firstCount = CsvText.Split(firstLine, fields);
        var headerless = !isCryptoDataDownload && TimestampText.LooksLikeTime(firstLine[fields[0]]);
        BarColumns columns;
        string columnCountReference;
        if (headerless)
        {
            (columns, format) = firstCount switch
            {
                6 => (BarColumns.Positional(6, withCloseTime: false, json: false), BarFileFormat.HeaderlessOhlcvCsv),
                12 => (BarColumns.Positional(12, withCloseTime: true, json: false), BarFileFormat.BinanceKlineCsv),
                _ => throw source.Error(
                    RowLocation.Line(firstLineNumber),
                    null,
                    null,
                    $"has {firstCount} columns and no header; a header-less file must have 6 columns (time,open,high,low,close,volume) " +
                    "or 12 (Binance kline: open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore)"),
            };
            columnCountReference = $"as on line {firstLineNumber}";
        }
        else
        {
            if (firstCount > MaxColumns)
            {
                throw source.Error(RowLocation.Line(firstLineNumber), null, null, $"header has {firstCount} columns (at most {MaxColumns} are supported)");
            }

            (columns, var isBinance) = FromHeader(source, firstLine, fields[..firstCount], firstLineNumber);
            if (isBinance)
            {
                format = BarFileFormat.BinanceKlineCsv;
            }

            columnCountReference = $"as in the header on line {firstLineNumber}";
        }

        var sink = new BarRowSink(source, timeframe, columns.Descriptions[BarColumns.TimeRole], isCryptoDataDownload, content.Length / 48);
        if (headerless)
        {
            BarRowParser.AddRow(source, firstLine, fields, columns, sink, timeframe, RowLocation.Line(firstLineNumber));
        }

        while (lines.MoveNext())
        {
            var line = lines.Current;
            if (CsvText.IsBlank(line))
            {
                continue;
            }

            var location = RowLocation.Line(lines.LineNumber);
            var count = CsvText.Split(line, fields);
            if (count != columns.ColumnCount)
            {
                throw source.Error(location, null, null, $"has {count} columns, expected {columns.ColumnCount} ({columnCountReference})");
            }

            BarRowParser.AddRow(source, line, fields, columns, sink, timeframe, location);
        }

        if (sink.Count == 0)
        {
            throw source.Error($"has a header on line {firstLineNumber} but no data rows");
        }

        var (bars, inferred) = sink.Complete();
        return new BarFileReadResult(source.Path, bars, format, inferred, bars.Length, sink.Order);
    }

    private static (BarColumns Columns, bool IsBinance) FromHeader(SourceText source, ReadOnlySpan<byte> line, ReadOnlySpan<Range> cells, int lineNumber)
    {
        var (names, normalized) = CsvText.HeaderNames(line, cells);

        var isBinance = cells.Length == 12 && normalized[0] == "opentime" && normalized[6] == "closetime";
        if (isBinance)
        {
            return (BarColumns.Named([0, 1, 2, 3, 4, 5, 6], names), true);
        }

        var time = Array.FindIndex(normalized, n => TimeNames.Contains(n));
        if (time < 0 && normalized[0].Length == 0)
        {
            time = 0; // a pandas index column with an empty name, e.g. ",Open,High,Low,Close,Volume"
        }

        int[] indices =
        [
            time,
            Array.IndexOf(normalized, "open"),
            Array.IndexOf(normalized, "high"),
            Array.IndexOf(normalized, "low"),
            Array.IndexOf(normalized, "close"),
            Array.FindIndex(normalized, n => n == "vol" || n.StartsWith("volume", StringComparison.Ordinal)),
            -1,
        ];

        var missing = new List<string>();
        for (var role = 0; role <= BarColumns.VolumeRole; role++)
        {
            if (indices[role] < 0)
            {
                missing.Add(role == BarColumns.TimeRole ? "time column (date, datetime, timestamp, time, open_time or unix)" : $"'{BarColumns.RoleNames[role]}'");
            }
        }

        if (missing.Count > 0)
        {
            var looksLikeData = TimestampText.LooksLikeTime(line[cells[0]]) || DecimalText.TryParse(line[cells[^1]], out _) == NumberParseStatus.Ok;
            var problem = looksLikeData
                ? $"is neither a header nor a row of bars (found {cells.Length} columns: {string.Join(",", names)}; expected a header such as Date,Open,High,Low,Close,Volume, " +
                  "or header-less rows of 6 or 12 columns starting with an epoch or ISO time)"
                : $"header has no {string.Join(", no ", missing)} (found: {string.Join(",", names)}; expected e.g. Date,Open,High,Low,Close,Volume){CsvText.SeparatorHint(line, cells.Length)}";
            throw source.Error(RowLocation.Line(lineNumber), null, null, problem);
        }

        return (BarColumns.Named(indices, names), false);
    }

    private static bool ContainsIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lowerNeedle)
    {
        for (var i = 0; i + lowerNeedle.Length <= text.Length; i++)
        {
            if (System.Text.Ascii.EqualsIgnoreCase(text.Slice(i, lowerNeedle.Length), lowerNeedle))
            {
                return true;
            }
        }

        return false;
    }
}
