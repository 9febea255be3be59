using Quorum.Data.Catalog;
using Spectre.Console;

namespace Quorum.Cli.Console;

/// <summary>The table of catalog series shown by <c>data list</c> and <c>data synth</c>.</summary>
internal static class CatalogTable
{
    /// <summary>Below this console width the size column is left out so that rows fit on one line.</summary>
    private const int NarrowWidth = 100;

    public static Table Create(IAnsiConsole console, IEnumerable<CatalogEntry> entries)
    {
        var showSize = console.Profile.Width >= NarrowWidth;
        var table = new Table().Border(TableBorder.None);
        AddColumn(table, "symbol");
        AddColumn(table, "tf");
        AddColumn(table, "bars", rightAligned: true);
        AddColumn(table, "first (UTC)");
        AddColumn(table, "last (UTC)");
        if (showSize)
        {
            AddColumn(table, "size", rightAligned: true);
        }

        AddColumn(table, "data");
        foreach (var entry in entries)
        {
            var cells = new List<string>
            {
                Markup.Escape(entry.Symbol.ToString()),
                entry.Timeframe.Name,
                entry.BarCount.ToString("N0"),
                Formatting.Time(entry.FirstOpenTimeMs),
                Formatting.Time(entry.LastOpenTimeMs),
            };
            if (showSize)
            {
                cells.Add(Formatting.Bytes(entry.SizeBytes));
            }

            cells.Add(entry.IsSynthetic ? "[yellow]SYNTHETIC[/]" : "real");
            table.AddRow([.. cells]);
        }

        return table;
    }

    private static void AddColumn(Table table, string header, bool rightAligned = false)
    {
        var column = new TableColumn($"[bold underline]{header}[/]").NoWrap().Padding(0, 0, 1, 0);
        table.AddColumn(rightAligned ? column.RightAligned() : column);
    }
}
