using System.CommandLine;
using Quorum.Cli.Console;
using Spectre.Console;

namespace Quorum.Cli.Commands.Data;

/// <summary><c>quorum data list</c>: what the catalog holds.</summary>
internal static class DataListCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("list", "List the series stored in the catalog (symbol, timeframe, bars, UTC range, size; synthetic data is labelled).");
        command.SetAction(parseResult =>
        {
            var catalog = CatalogLocator.Open(context, parseResult);
            var entries = catalog.List();
            context.Console.MarkupLineInterpolated($"catalog: [bold]{catalog.RootDirectory}[/]");
            if (entries.Count == 0)
            {
                context.Console.MarkupLine("[yellow]empty[/] — import a file with 'quorum data import' or create the demo data with 'quorum data synth'");
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("symbol", "timeframe", "bars", "first (UTC)", "last (UTC)", "size", "source");
            foreach (var entry in entries)
            {
                table.AddRow(
                    Markup.Escape(entry.Symbol.ToString()),
                    entry.Timeframe.Name,
                    entry.BarCount.ToString("N0"),
                    Formatting.Time(entry.FirstOpenTimeMs),
                    Formatting.Time(entry.LastOpenTimeMs),
                    Formatting.Bytes(entry.SizeBytes),
                    entry.IsSynthetic ? "[yellow]SYNTHETIC[/]" : "real");
            }

            context.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
