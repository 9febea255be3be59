using System.CommandLine;
using Quorum.Cli.Commands.Data;
using Quorum.Data.Integrity;
using Quorum.Data.Synthetic;
using Spectre.Console;

namespace Quorum.Cli.Commands;

/// <summary>
/// <c>quorum demo</c>: the README's main job on the embedded default — generate the SYNTHETIC demo
/// market into the catalog (as <c>quorum data synth</c>) and check every stored demo series
/// (as <c>quorum data check</c>). Later issues extend it with a backtest.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command(
            "demo",
            "Run the main job on the embedded default, offline: generate the SYNTHETIC demo market (= 'quorum data synth') " +
            "and check its integrity (= 'quorum data check'). Exit 0 when every series is clean.")
        {
            CommonOptions.DataDirectory(),
        };
        command.SetAction(parseResult =>
        {
            var catalog = CatalogLocator.Open(context, parseResult);
            context.Console.Write(new Rule("[bold]1/2 quorum data synth[/]").LeftJustified());
            var result = DataSynthCommand.Generate(context, catalog, DemoDataset.Options);

            context.Console.Write(new Rule("[bold]2/2 quorum data check[/]").LeftJustified());
            var table = new Table().AddColumns("series", "bars", "gaps", "errors", "verdict");
            var failures = 0;
            foreach (var entry in result.Entries)
            {
                var report = IntegrityChecker.Check(catalog.Load(entry.Symbol, entry.Timeframe));
                failures += report.IsClean ? 0 : 1;
                table.AddRow(
                    Markup.Escape($"{entry.Symbol} {entry.Timeframe} (SYNTHETIC)"),
                    report.BarCount.ToString("N0"),
                    report.GapCount.ToString("N0"),
                    report.ErrorCount.ToString("N0"),
                    report.IsClean ? "[green]clean[/]" : "[red]issues — run 'quorum data check' for details[/]");
            }

            context.Console.Write(table);
            context.Console.MarkupLine(failures == 0
                ? "[green]demo data generated and verified.[/] Next: 'quorum data list', 'quorum data check --symbol SYNTH:BTCUSDT --timeframe 1h'."
                : $"[red]{failures} series failed the integrity check.[/]");
            return failures == 0 ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }
}
