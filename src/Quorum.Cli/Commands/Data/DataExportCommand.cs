using System.CommandLine;
using Quorum.Data.Catalog;
using Spectre.Console;

namespace Quorum.Cli.Commands.Data;

/// <summary><c>quorum data export --symbol S --timeframe TF --output FILE</c>.</summary>
internal static class DataExportCommand
{
    public static Command Create(CliContext context)
    {
        var symbol = CommonOptions.Symbol();
        var timeframe = CommonOptions.Timeframe();
        var output = new Option<FileInfo>("--output") { Description = "File to write.", Required = true };
        var format = new Option<string>("--format")
        {
            Description = "binance: Binance kline CSV (12 columns, no header); ohlcv: Date,Open,High,Low,Close,Volume with a header. Default: ohlcv.",
            DefaultValueFactory = _ => "ohlcv",
        };
        format.AcceptOnlyFromAmong("binance", "ohlcv");
        var command = new Command("export", "Export a stored series to CSV (readable back by 'quorum data import').")
        {
            symbol, timeframe, output, format,
        };
        command.SetAction(parseResult =>
        {
            var catalog = CatalogLocator.Open(context, parseResult);
            var file = parseResult.GetRequiredValue(output);
            var exportFormat = parseResult.GetValue(format) == "binance" ? ExportFormat.BinanceKlineCsv : ExportFormat.OhlcvCsv;
            var s = parseResult.GetRequiredValue(symbol);
            var tf = parseResult.GetRequiredValue(timeframe);
            catalog.Export(s, tf, file.FullName, exportFormat);
            var label = s.Venue.IsSynthetic ? " (SYNTHETIC data)" : string.Empty;
            context.Console.MarkupLineInterpolated($"exported {s} {tf}{label} to [bold]{file.FullName}[/] ({exportFormat})");
            return ExitCodes.Ok;
        });
        return command;
    }
}
