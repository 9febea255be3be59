using System.CommandLine;
using System.Globalization;
using Quorum.Cli.Console;
using Quorum.Core.Time;
using Quorum.Data.Catalog;
using Quorum.Data.Demo;
using Quorum.Data.Synthetic;
using Spectre.Console;

namespace Quorum.Cli.Commands.Data;

/// <summary><c>quorum data synth</c>: generate the SYNTHETIC demo market into the catalog.</summary>
internal static class DataSynthCommand
{
    public static Command Create(CliContext context)
    {
        var seed = new Option<long>("--seed") { Description = $"Random seed; the same seed gives the same bars. Default: {DemoDataset.Seed}.", DefaultValueFactory = _ => DemoDataset.Seed };
        var days = new Option<int>("--days") { Description = $"Days to generate (1..3650). Default: {DemoDataset.Days}.", DefaultValueFactory = _ => DemoDataset.Days };
        var start = new Option<string>("--start")
        {
            Description = "First day (UTC, yyyy-MM-dd). Default: " + Formatting.Time(DemoDataset.StartTimeMs)[..10] + ".",
            DefaultValueFactory = _ => Formatting.Time(DemoDataset.StartTimeMs)[..10],
        };
        var timeframe = CommonOptions.Timeframe(required: false, description: $"Base timeframe generated; higher ones are resampled from it. Default: {DemoDataset.BaseTimeframe}.");
        timeframe.DefaultValueFactory = _ => DemoDataset.BaseTimeframe;

        var command = new Command(
            "synth",
            "Generate the SYNTHETIC demo market (seeded, deterministic; SYNTH:BTCUSDT, SYNTH:ETHUSDT, SYNTH:SOLUSDT) " +
            $"into the catalog: the base timeframe plus {string.Join(", ", DemoDataset.DerivedTimeframes)} resampled from it. Not real market data.")
        {
            seed, days, start, timeframe,
        };
        command.SetAction(parseResult => Run(
            context,
            parseResult,
            parseResult.GetValue(seed),
            parseResult.GetValue(days),
            parseResult.GetRequiredValue(start),
            parseResult.GetRequiredValue(timeframe)));
        return command;
    }

    internal static DemoDatasetResult Generate(CliContext context, DataCatalog catalog, SyntheticMarketOptions options)
    {
        var derived = DemoDataset.DerivedTimeframes.Where(t => t.Milliseconds > options.Timeframe.Milliseconds && t.IsMultipleOf(options.Timeframe)).ToList();
        context.Console.MarkupLine($"[yellow]SYNTHETIC data[/]: {Markup.Escape(SyntheticMarket.Disclaimer)}");
        var result = ProgressReporter.Run(
            context.Console,
            $"generate {options.Symbols.Count} synthetic symbols × {options.ResolveBarCount():N0} {options.Timeframe} bars",
            progress => DemoDatasetBuilder.Build(catalog, options, derived, progress),
            r => (long)r.Market.BarCount * r.Market.Series.Count);

        context.Console.Write(CatalogTable.Create(context.Console, result.Entries));
        context.Console.MarkupLineInterpolated($"catalog: [bold]{catalog.RootDirectory}[/] — seed {options.Seed}, fingerprint {result.Market.ComputeFingerprint()}");
        return result;
    }

    private static int Run(CliContext context, ParseResult parseResult, long seed, int days, string start, Timeframe timeframe)
    {
        if (days is < 1 or > 3650)
        {
            throw new ArgumentException($"--days {days} is out of range (1 ≤ days ≤ 3650)");
        }

        if (!DateTimeOffset.TryParseExact(start, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var startDay))
        {
            throw new ArgumentException($"--start '{start}' is not a date in the form yyyy-MM-dd (UTC)");
        }

        var options = DemoDataset.Options with
        {
            Seed = seed,
            StartTimeMs = startDay.ToUnixTimeMilliseconds(),
            Timeframe = timeframe,
            BarCount = checked((int)(days * Timeframe.DayMs / timeframe.Milliseconds)),
            EndTimeMs = null,
        };
        if (options.BarCount < 1)
        {
            throw new ArgumentException($"--days {days} with --timeframe {timeframe} gives no bar; use more days or a shorter timeframe");
        }

        Generate(context, CatalogLocator.Open(context, parseResult), options);
        return ExitCodes.Ok;
    }
}
