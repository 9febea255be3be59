using Quorum.Data.Catalog;
using Spectre.Console;

namespace Quorum.Cli.Console;

/// <summary>Messages shared by several verbs.</summary>
internal static class CliReports
{
    /// <summary>Names every catalog file that could not be read (on standard output, before the results).</summary>
    public static void Unreadable(CliContext context, CatalogScan scan)
    {
        foreach (var problem in scan.Unreadable)
        {
            context.Console.MarkupLineInterpolated($"[red]unreadable catalog file:[/] {problem.Message}");
        }
    }
}
