using System.CommandLine;
using Quorum.Core;
using Quorum.Core.MarketData;
using Quorum.Data.Catalog;
using Quorum.Data.Integrity;
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
        var fillGaps = new Option<bool>("--fill-gaps")
        {
            Description = "Fill each gap with flat bars (O=H=L=C=previous close, volume 0) in the exported file. " +
                          "Allowed only with --mode paper (gap-fill is a paper-mode feature; backtests and live trading see real gaps). The catalog is not changed.",
        };
        var mode = new Option<string?>("--mode") { Description = "The mode the exported file is for: backtest, paper or live. Required with --fill-gaps." };
        mode.AcceptOnlyFromAmong("backtest", "paper", "live");
        var command = new Command("export", "Export a stored series to CSV (readable back by 'quorum data import').")
        {
            symbol, timeframe, output, format, fillGaps, mode,
        };
        command.SetAction(parseResult =>
        {
            var catalog = CatalogLocator.Open(context, parseResult);
            var file = parseResult.GetRequiredValue(output);
            var exportFormat = parseResult.GetValue(format) == "binance" ? ExportFormat.BinanceKlineCsv : ExportFormat.OhlcvCsv;
            var s = parseResult.GetRequiredValue(symbol);
            var tf = parseResult.GetRequiredValue(timeframe);
            var label = s.Venue.IsSynthetic ? " (SYNTHETIC data)" : string.Empty;
            if (parseResult.GetValue(fillGaps))
            {
                var filled = FillGaps(catalog.Load(s, tf), parseResult.GetValue(mode));
                DataCatalog.Export(filled.Series, file.FullName, exportFormat);
                context.Console.MarkupLineInterpolated(
                    $"exported {s} {tf}{label} to [bold]{file.FullName}[/] ({exportFormat}) with {filled.FilledBarCount:N0} gap-fill bar(s) in {filled.FilledGaps.Count} gap(s) — for paper mode only");
                return ExitCodes.Ok;
            }

            catalog.Export(s, tf, file.FullName, exportFormat);
            context.Console.MarkupLineInterpolated($"exported {s} {tf}{label} to [bold]{file.FullName}[/] ({exportFormat})");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static GapFillResult FillGaps(BarSeries series, string? mode)
    {
        if (mode is null)
        {
            throw new ArgumentException("--fill-gaps needs --mode paper (gap-fill is allowed only in paper mode)");
        }

        try
        {
            return GapFiller.FillWithDetails(series, Enum.Parse<TradingMode>(mode, ignoreCase: true));
        }
        catch (InvalidOperationException refused)
        {
            // The gap filler owns the paper-only rule; for the command line its refusal is bad input.
            throw new ArgumentException($"--mode {mode}: {refused.Message}", refused);
        }
    }
}
