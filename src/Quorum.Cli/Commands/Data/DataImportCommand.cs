using System.CommandLine;
using Quorum.Cli.Console;
using Quorum.Core.Time;
using Quorum.Data.Catalog;
using Quorum.Data.Import;
using Spectre.Console;
using Symbol = Quorum.Core.Instruments.Symbol;

namespace Quorum.Cli.Commands.Data;

/// <summary><c>quorum data import FILE --symbol S --timeframe TF</c>.</summary>
internal static class DataImportCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo>("FILE")
        {
            Description = "Bar file to import. Format detected: Binance kline CSV (with or without header, ms or µs times), " +
                          "OHLCV CSV with a header (ISO or epoch times), freqtrade JSON, Binance REST klines JSON.",
        };
        var symbol = CommonOptions.Symbol();
        var timeframe = CommonOptions.Timeframe();
        var replace = new Option<bool>("--replace")
        {
            Description = "Replace the stored series instead of merging. Default: merge by open time; a stored bar that differs fails the import.",
        };

        var command = new Command("import", "Import a bar file into the catalog (validated; refused imports leave the catalog unchanged).")
        {
            file, symbol, timeframe, replace,
        };
        command.SetAction(parseResult => Run(
            context,
            parseResult,
            parseResult.GetRequiredValue(file),
            parseResult.GetRequiredValue(symbol),
            parseResult.GetRequiredValue(timeframe),
            parseResult.GetValue(replace) ? CatalogWriteMode.Replace : CatalogWriteMode.Merge));
        return command;
    }

    private static int Run(CliContext context, ParseResult parseResult, FileInfo file, Symbol symbol, Timeframe timeframe, CatalogWriteMode mode)
    {
        var catalog = CatalogLocator.Open(context, parseResult);
        var importer = new DataImporter(catalog);
        var result = ProgressReporter.Run(
            context.Console,
            $"import {file.Name}",
            progress => importer.Import(file.FullName, symbol, timeframe, mode, progress),
            r => r.Read.RowCount,
            "rows");

        var table = new Table().AddColumns("", "");
        table.HideHeaders();
        table.AddRow("file", Markup.Escape(file.FullName));
        table.AddRow("format", result.Read.DetectedFormat.ToString());
        table.AddRow("rows read", result.Read.RowCount.ToString("N0"));
        table.AddRow("series", Markup.Escape($"{symbol} {timeframe}"));
        table.AddRow("bars stored", result.Entry.BarCount.ToString("N0"));
        table.AddRow("range (UTC)", $"{Formatting.Time(result.Entry.FirstOpenTimeMs)} → {Formatting.Time(result.Entry.LastOpenTimeMs)}");
        table.AddRow("gaps", result.Report.GapCount == 0
            ? "none"
            : $"[yellow]{result.Report.GapCount} gap(s), {result.Report.MissingBarCount:N0} bars missing[/] (see 'quorum data check')");
        table.AddRow("catalog file", Markup.Escape(result.Entry.FilePath));
        context.Console.Write(table);
        return ExitCodes.Ok;
    }
}
