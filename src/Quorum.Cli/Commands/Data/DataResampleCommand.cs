using System.CommandLine;
using Quorum.Cli.Console;
using Quorum.Core.MarketData;
using Quorum.Data.Catalog;
using Quorum.Data.Resampling;
using Spectre.Console;

namespace Quorum.Cli.Commands.Data;

/// <summary><c>quorum data resample --symbol S --from 1m --to 1h</c>.</summary>
internal static class DataResampleCommand
{
    public static Command Create(CliContext context)
    {
        var symbol = CommonOptions.Symbol();
        var from = CommonOptions.Timeframe("--from", description: "Source timeframe (must be stored in the catalog).");
        var to = CommonOptions.Timeframe("--to", description: "Target timeframe: a higher multiple of --from on the same grid.");
        var replace = new Option<bool>("--replace") { Description = "Replace the stored target series instead of merging into it." };
        var command = new Command(
            "resample",
            "Aggregate a stored series to a higher timeframe (exact OHLCV) and store it. The partial last bucket is not stored (it is not closed).")
        {
            symbol, from, to, replace,
        };
        command.SetAction(parseResult =>
        {
            var catalog = CatalogLocator.Open(context, parseResult);
            var source = catalog.Load(parseResult.GetRequiredValue(symbol), parseResult.GetRequiredValue(from));
            var target = parseResult.GetRequiredValue(to);
            Resampler.EnsureCanResample(source.Timeframe, target);
            var result = ProgressReporter.Run(
                context.Console,
                $"resample {source.Symbol} {source.Timeframe}→{target}",
                _ => Resampler.ResampleWithDetails(source, target),
                _ => source.Count);

            var closedCount = result.Series.Count;
            while (closedCount > 0 && !result.Series[closedCount - 1].IsClosed)
            {
                closedCount--;
            }

            var closed = new BarSeries(result.Series.Symbol, target, result.Series.Span[..closedCount].ToArray());
            if (closed.IsEmpty)
            {
                throw new ArgumentException($"{source} has no complete {target} bucket; nothing to store");
            }

            var entry = catalog.Write(closed, parseResult.GetValue(replace) ? CatalogWriteMode.Replace : CatalogWriteMode.Merge);
            var table = new Table().AddColumns("source bars", "target bars stored", "partial last bucket", "buckets missing source bars", "first (UTC)", "last (UTC)");
            table.AddRow(
                source.Count.ToString("N0"),
                entry.BarCount.ToString("N0"),
                closedCount < result.Series.Count ? "dropped (not closed)" : "none",
                result.IncompleteCount.ToString("N0"),
                Formatting.Time(entry.FirstOpenTimeMs),
                Formatting.Time(entry.LastOpenTimeMs));
            context.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
