using System.CommandLine;
using System.Globalization;
using System.Text;
using Quorum.Cli.Commands.Data;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data;
using Quorum.Indicators;
using Quorum.Strategies.Regimes;
using Spectre.Console;
using Symbol = Quorum.Core.Instruments.Symbol;

namespace Quorum.Cli.Commands;

/// <summary>
/// <c>quorum regime --symbol S --timeframe TF [--out FILE.csv]</c>: runs seed 001's market regime classifier
/// (<see cref="Seed001RegimeClassifier"/>) over a stored series and prints how long the market spent in each label
/// (<c>trend_up, trend_down, range_lowvol, range_highvol, panic</c>, and <c>unknown</c> during warm-up), the number of
/// label changes and the last label; with <c>--out</c>, one CSV row per bar with the label and the features behind it.
/// </summary>
internal static class RegimeCommand
{
    public static Command Create(CliContext context)
    {
        var symbol = CommonOptions.Symbol();
        var timeframe = CommonOptions.Timeframe();
        var output = new Option<FileInfo?>("--out")
        {
            Description = "CSV to write: timestamp (bar open, UTC ms), label, adx, ema200_slope, atr_pct, atr_pct_threshold, hv, hv_threshold, drawdown, range_to_atr.",
        };
        var command = new Command(
            "regime",
            "Classify a stored series with seed 001's market regime classifier (trend_up, trend_down, range_lowvol, range_highvol, panic): " +
            "time in each label, label changes, the last label; --out writes every bar's label and features as CSV.")
        {
            symbol, timeframe, output, CommonOptions.DataDirectory(),
        };
        command.SetAction(parseResult => Run(
            context, parseResult, parseResult.GetRequiredValue(symbol), parseResult.GetRequiredValue(timeframe), parseResult.GetValue(output)));
        return command;
    }

    private static int Run(CliContext context, ParseResult parseResult, Symbol symbol, Timeframe timeframe, FileInfo? output)
    {
        var series = CatalogLocator.Open(context, parseResult).Load(symbol, timeframe);
        var classifier = new Seed001RegimeClassifier(timeframe);
        var labels = new string[series.Count];
        var features = new RegimeFeatureValues[series.Count];
        var bars = series.Span;
        for (var i = 0; i < bars.Length; i++)
        {
            classifier.Update(OhlcvPoint.From(bars[i]));
            labels[i] = classifier.Label;
            features[i] = classifier.Features.Current;
        }

        if (output is not null)
        {
            AtomicFile.Write(output.FullName, stream => WriteCsv(stream, series, labels, features));
        }

        var counts = labels.GroupBy(l => l, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var changes = 0;
        for (var i = 1; i < labels.Length; i++)
        {
            changes += labels[i] != labels[i - 1] && labels[i - 1] != RegimeClassifierLabels.Unknown ? 1 : 0;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .Title($"{symbol} {timeframe}{(symbol.Venue.IsSynthetic ? " (SYNTHETIC data)" : string.Empty)}: {series.Count:N0} bars, seed-001 regimes");
        table.AddColumn("label");
        table.AddColumn(new TableColumn("bars").RightAligned());
        table.AddColumn(new TableColumn("share").RightAligned());
        foreach (var label in classifier.Labels.Append(RegimeClassifierLabels.Unknown))
        {
            var count = counts.GetValueOrDefault(label);
            table.AddRow(label, count.ToString("N0", CultureInfo.InvariantCulture), series.Count == 0 ? "—" : (count / (double)series.Count).ToString("P1", CultureInfo.InvariantCulture));
        }

        context.Console.Write(table);
        context.Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{changes:N0} label changes after warm-up ({classifier.WarmUpBars} bars); last label: {(labels.Length == 0 ? "—" : labels[^1])}"));
        if (output is not null)
        {
            context.Console.MarkupLineInterpolated($"wrote {series.Count:N0} rows to [bold]{output.FullName}[/]");
        }

        return ExitCodes.Ok;
    }

    private static void WriteCsv(Stream stream, BarSeries series, string[] labels, RegimeFeatureValues[] features)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine("timestamp,label,adx,ema200_slope,atr_pct,atr_pct_threshold,hv,hv_threshold,drawdown,range_to_atr");
        for (var i = 0; i < labels.Length; i++)
        {
            var f = features[i];
            writer.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{series[i].OpenTimeMs},{labels[i]},{f.Adx:R},{f.EmaSlope:R},{f.AtrPercent:R},{f.AtrPercentThreshold:R},{f.HistoricalVolatility:R},{f.HistoricalVolatilityThreshold:R},{f.Drawdown:R},{f.RangeToAtr:R}"));
        }
    }
}
