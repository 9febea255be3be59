using System.CommandLine;
using Quorum.Cli.Console;
using Spectre.Console;

namespace Quorum.Cli.Commands.Data;

/// <summary><c>quorum data list</c>: what the catalog holds.</summary>
internal static class DataListCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("list", "List the series stored in the catalog (symbol, timeframe, bars, UTC range, size; synthetic data is labelled). Exit 1 when a catalog file is unreadable (each is named).");
        command.SetAction(parseResult =>
        {
            var catalog = CatalogLocator.Open(context, parseResult);
            var scan = catalog.Scan();
            var entries = scan.Entries;
            context.Console.MarkupLineInterpolated($"catalog: [bold]{catalog.RootDirectory}[/]");
            CliReports.Unreadable(context, scan);
            if (entries.Count == 0 && scan.Unreadable.Count == 0)
            {
                context.Console.MarkupLine("[yellow]empty[/] — import a file with 'quorum data import' or create the demo data with 'quorum data synth'");
                return ExitCodes.Ok;
            }

            context.Console.Write(CatalogTable.Create(context.Console, entries));
            return scan.Unreadable.Count == 0 ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }
}
