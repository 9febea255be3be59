using System.CommandLine;
using System.Globalization;
using System.Text;
using Quorum.Cli.Commands.Data;
using Quorum.Cli.Console;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data;
using Quorum.Indicators;
using Spectre.Console;
using Symbol = Quorum.Core.Instruments.Symbol;

namespace Quorum.Cli.Commands;

/// <summary>
/// <c>quorum indicators --symbol S --timeframe TF --indicators ema:14,rsi:14 --out FILE.csv</c>: computes
/// named indicators over a stored series and writes a CSV (timestamp in ms first, one column per output)
/// so the numbers can be checked with any other tool.
/// </summary>
internal static class IndicatorsCommand
{
    public static Command Create(CliContext context)
    {
        var symbol = CommonOptions.Symbol();
        var timeframe = CommonOptions.Timeframe();
        var indicators = new Option<string>("--indicators")
        {
            Description = "Comma-separated specifications name[:parameter…], e.g. ema:14,rsi:14,atr:14,adx:14,bb:20:2,donchian:20. " +
                          "Known: " + string.Join(", ", IndicatorRegistry.Usage) + ".",
            Required = true,
        };
        var output = new Option<FileInfo>("--out")
        {
            Description = "CSV file to write (replaced atomically: an existing file is untouched if the command fails).",
            Required = true,
        };
        var from = new Option<string?>("--from")
        {
            Description = "Write bars opening at or after this time (UTC, yyyy-MM-dd[THH:mm]); indicators still warm up on all earlier bars. Default: the first bar.",
        };
        var to = new Option<string?>("--to") { Description = "Write bars opening before this time (UTC, yyyy-MM-dd[THH:mm]). Default: through the last bar." };
        var command = new Command(
            "indicators",
            "Compute indicators over a stored series and write CSV: 'timestamp' (bar open time, UTC ms) first, then one column per output " +
            "(e.g. ema_14, bb_20_2_upper); NaN during warm-up.")
        {
            symbol, timeframe, indicators, output, from, to, CommonOptions.DataDirectory(),
        };
        command.SetAction(parseResult => Run(
            context,
            parseResult,
            parseResult.GetRequiredValue(symbol),
            parseResult.GetRequiredValue(timeframe),
            parseResult.GetRequiredValue(indicators),
            parseResult.GetRequiredValue(output),
            ParseTime(parseResult.GetValue(from), "--from"),
            ParseTime(parseResult.GetValue(to), "--to")));
        return command;
    }

    private static int Run(CliContext context, ParseResult parseResult, Symbol symbol, Timeframe timeframe, string specifications, FileInfo output, long? fromMs, long? toMs)
    {
        var created = specifications.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(IndicatorRegistry.Create)
            .ToList();
        if (fromMs is { } start && toMs is { } end && start >= end)
        {
            throw new ArgumentException(
                $"--from {FormatTime(start)} is not before --to {FormatTime(end)}; no bar would be written");
        }

        if (created.Count == 0)
        {
            throw new ArgumentException("--indicators is empty (e.g. --indicators ema:14,rsi:14)");
        }

        var columns = created.SelectMany(i => i.OutputNames).ToList();
        var duplicate = columns.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"--indicators names the column '{duplicate.Key}' twice");
        }

        var series = CatalogLocator.Open(context, parseResult).Load(symbol, timeframe);
        var rows = ProgressReporter.Run(
            context.Console,
            $"compute {created.Count} indicator(s) over {series}",
            progress => Write(series, created, columns, output.FullName, fromMs, toMs, progress),
            _ => series.Count);

        var label = symbol.Venue.IsSynthetic ? " (SYNTHETIC data)" : string.Empty;
        context.Console.MarkupLineInterpolated(
            $"wrote {rows:N0} rows × {columns.Count + 1} columns of {symbol} {timeframe}{label} to [bold]{output.FullName}[/]");
        context.Console.MarkupLineInterpolated($"[grey]columns: timestamp, {string.Join(", ", columns)}[/]");
        return ExitCodes.Ok;
    }

    private static int Write(BarSeries series, List<IIndicator> indicators, List<string> columns, string path, long? fromMs, long? toMs, IProgress<double> progress)
    {
        var rows = 0;
        AtomicFile.Write(path, stream => rows = WriteRows(series, indicators, columns, stream, fromMs, toMs, progress));
        return rows;
    }

    private static int WriteRows(BarSeries series, List<IIndicator> indicators, List<string> columns, Stream stream, long? fromMs, long? toMs, IProgress<double> progress)
    {
        var rows = 0;
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" })
        {
            writer.Write("timestamp");
            foreach (var column in columns)
            {
                writer.Write(',');
                writer.Write(column);
            }

            writer.WriteLine();
            var bars = series.Span;
            var step = Math.Max(1, bars.Length / 100);
            for (var i = 0; i < bars.Length; i++)
            {
                var point = OhlcvPoint.From(bars[i]);
                foreach (var indicator in indicators)
                {
                    indicator.Update(point);
                }

                if (i % step == 0)
                {
                    progress.Report((double)i / bars.Length);
                }

                if ((fromMs is { } start && point.TimeMs < start) || (toMs is { } end && point.TimeMs >= end))
                {
                    continue;
                }

                writer.Write(point.TimeMs.ToString(CultureInfo.InvariantCulture));
                foreach (var indicator in indicators)
                {
                    for (var k = 0; k < indicator.OutputNames.Count; k++)
                    {
                        writer.Write(',');
                        writer.Write(indicator.GetOutput(k).ToString("R", CultureInfo.InvariantCulture));
                    }
                }

                writer.WriteLine();
                rows++;
            }
        }

        return rows;
    }

    private static string FormatTime(long ms) =>
        DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    private static long? ParseTime(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        string[] formats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm"];
        return DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time.ToUnixTimeMilliseconds()
            : throw new ArgumentException($"{option} '{text}' is not a UTC time in the form yyyy-MM-dd or yyyy-MM-ddTHH:mm");
    }
}
