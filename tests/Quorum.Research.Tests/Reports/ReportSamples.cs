using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Research.Reports;

namespace Quorum.Research.Tests.Reports;

internal static class ReportSamples
{
    public static readonly Symbol Btc = Symbol.Parse("SYNTH:BTCUSDT");

    /// <summary>2021-01-01 00:00 UTC.</summary>
    public const long Start = 1_609_459_200_000;

    public static Bar[] Candles(int count)
    {
        var bars = new Bar[count];
        for (var i = 0; i < count; i++)
        {
            var open = 100m + (i % 10);
            bars[i] = new Bar(Start + (i * Timeframe.HourMs), open, open + 2m, open - 1m, open + 1m, 5m);
        }

        return bars;
    }

    public static HtmlReportModel Model(int candles = 48, string title = "ema_cross on SYNTH:BTCUSDT 1h")
    {
        var bars = Candles(candles);
        var times = bars.Select(b => b.OpenTimeMs + Timeframe.HourMs).ToArray();
        var equity = bars.Select((b, i) => 10_000m + ((i % 7) * 10m) - (i % 3 * 25m)).ToArray();
        ReportMarker[] markers =
        [
            new(Start + (3 * Timeframe.HourMs), IsEntry: true, IsBuy: true, 103m.ToDouble(), "buy 0.5"),
            new(Start + (9 * Timeframe.HourMs), IsEntry: false, IsBuy: false, 109m.ToDouble(), "sell 0.5 (signal)"),
        ];
        return new HtmlReportModel(
            title,
            [KeyValuePair.Create("strategy", "ema_cross 1.0.0 (fast=12 slow=26)"), KeyValuePair.Create("note", "<b>escaped</b> & safe")],
            [new ReportTable("Overall", ["metric", "value"], [["trades", "1"], ["win_rate", "100.00 %"]])],
            times,
            equity,
            [new CandleChart(Btc, Timeframe.H1, bars, markers)],
            new ReportTable("Trades", ["id", "symbol", "net_pnl"], [["t-1", "SYNTH:BTCUSDT", "42.50"]]));
    }

    private static double ToDouble(this decimal value) => (double)value;
}
