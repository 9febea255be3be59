using System.CommandLine;
using Quorum.Cli.Console;
using Quorum.Core.Time;
using Quorum.Data;
using Quorum.Data.Integrity;
using Spectre.Console;
using Symbol = Quorum.Core.Instruments.Symbol;

namespace Quorum.Cli.Commands.Data;

/// <summary><c>quorum data check --symbol S --timeframe TF</c>: integrity report (each gap listed).</summary>
internal static class DataCheckCommand
{
    public static Command Create(CliContext context)
    {
        var symbol = CommonOptions.Symbol(required: false);
        var timeframe = CommonOptions.Timeframe(required: false);
        var json = new Option<bool>("--json") { Description = "Print the machine-readable JSON report instead of the text report." };
        var output = new Option<FileInfo?>("--output") { Description = "Also write the JSON report to this file." };
        var allowGaps = new Option<bool>("--allow-gaps")
        {
            Description = "Exit 0 when the only findings are gaps (real exchange data has maintenance gaps). Default: any finding exits 1.",
        };

        var command = new Command(
            "check",
            "Check stored bars for gaps, duplicates, out-of-order rows, OHLC sanity and timeframe sanity. " +
            "Without --symbol/--timeframe every series in the catalog is checked. Exit 0 clean, 1 issues found, 2 bad input.")
        {
            symbol, timeframe, json, output, allowGaps,
        };
        command.SetAction(parseResult => Run(
            context,
            parseResult,
            parseResult.GetResult(symbol) is null ? null : parseResult.GetValue(symbol),
            parseResult.GetResult(timeframe) is null ? null : parseResult.GetValue(timeframe),
            parseResult.GetValue(json),
            parseResult.GetValue(output),
            parseResult.GetValue(allowGaps)));
        return command;
    }

    private static int Run(CliContext context, ParseResult parseResult, Symbol? symbol, Timeframe? timeframe, bool json, FileInfo? output, bool allowGaps)
    {
        var catalog = CatalogLocator.Open(context, parseResult);
        var scan = catalog.Scan();
        var wholeCatalog = symbol is null && timeframe is null;
        if (wholeCatalog)
        {
            CliReports.Unreadable(context, scan);
        }

        var targets = scan.Entries
            .Where(e => (symbol is null || e.Symbol == symbol) && (timeframe is null || e.Timeframe == timeframe))
            .Select(e => (e.Symbol, e.Timeframe))
            .ToList();
        var unreadable = wholeCatalog ? scan.Unreadable.Count : 0;
        if (targets.Count == 0 && unreadable > 0)
        {
            return ExitCodes.Failure;
        }

        if (targets.Count == 0)
        {
            if (symbol is { } s && timeframe is { } tf)
            {
                // Load gives the precise error (names the series and what the catalog holds).
                targets.Add((s, tf));
            }
            else
            {
                throw new ArgumentException(
                    $"nothing to check in {catalog.RootDirectory}{Describe(symbol, timeframe)}; see 'quorum data list' or create the demo data with 'quorum data synth'");
            }
        }

        var reports = new List<IntegrityReport>();
        foreach (var (targetSymbol, targetTimeframe) in targets)
        {
            var series = catalog.Load(targetSymbol, targetTimeframe);
            reports.Add(IntegrityChecker.Check(series));
        }

        var jsonText = reports.Count == 1
            ? reports[0].ToJson()
            : "[" + string.Join(",", reports.Select(r => r.ToJson())) + "]";
        if (output is not null)
        {
            AtomicFile.WriteAllText(output.FullName, jsonText);
        }

        if (json)
        {
            context.Console.Profile.Out.Writer.WriteLine(jsonText);
        }
        else
        {
            foreach (var report in reports)
            {
                var label = report.Symbol.Venue.IsSynthetic ? " [grey](SYNTHETIC data)[/]" : string.Empty;
                var colour = report.IsClean ? "green" : report.HasErrors ? "red" : "yellow";
                context.Console.MarkupLine($"[{colour}]{Markup.Escape($"{report.Symbol} {report.Timeframe}")}[/]{label}");
                context.Console.Write(new Text(report.ToText() + Environment.NewLine));
            }

            if (output is not null)
            {
                context.Console.MarkupLineInterpolated($"[grey]JSON report written to {output.FullName}[/]");
            }
        }

        var failing = reports.Count(r => r.HasErrors || (!allowGaps && !r.IsClean)) + unreadable;
        return failing == 0 ? ExitCodes.Ok : ExitCodes.Failure;
    }

    private static string Describe(Symbol? symbol, Timeframe? timeframe) =>
        symbol is null && timeframe is null ? string.Empty : $" for {symbol?.ToString() ?? "any symbol"} {timeframe?.ToString() ?? "any timeframe"}";
}
