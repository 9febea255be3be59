using Quorum.Core.Instruments;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Research.Backtest;
using Quorum.Research.Statistics;

namespace Quorum.Research.Tests.Reports;

internal static class ResultSamples
{
    public static readonly Symbol Btc = Symbol.Parse("BINANCE:BTCUSDT");

    /// <summary>2021-01-01 00:00 UTC.</summary>
    public const long Start = 1_609_459_200_000;

    /// <summary>
    /// Two trades: a win (buy 0.5 @ 100, sell @ 110: gross 5, fees 0.105, net 4.895, risk 2.5) and a loss
    /// (buy 1 @ 110, sell @ 104.5: gross −5.5, fees 0.2145, net −5.7145, risk 5.5).
    /// </summary>
    public static BacktestResult Result()
    {
        TradeSummary[] trades =
        [
            new("q1-b1-p1", "ema_cross", Btc, PositionSide.Long, Start + Timeframe.HourMs, Start + (3 * Timeframe.HourMs), 100m, 110m, 0.5m, 5m, 0.105m, 0m, 2.5m, "signal"),
            new("q1-b1-p2", "ema_cross", Btc, PositionSide.Long, Start + (4 * Timeframe.HourMs), Start + (6 * Timeframe.HourMs), 110m, 104.5m, 1m, -5.5m, 0.2145m, 0m, 5.5m, "stop_loss"),
        ];
        long[] times = [.. Enumerable.Range(0, 7).Select(i => Start + (i * Timeframe.HourMs))];
        decimal[] equity = [10_000m, 10_000m, 10_002m, 10_004.895m, 10_004.895m, 10_001m, 9_999.1805m];
        var summary = PerformanceStatistics.Compute(trades, times, equity, 10_000m, Timeframe.H1);
        var run = new BacktestRunInfo(
            "ema_cross", "1.0.0", [KeyValuePair.Create("fast", 12d), KeyValuePair.Create("slow", 26d)], [Btc], Timeframe.H1, null,
            Start, null, Start, Start + (6 * Timeframe.HourMs), 10_000m, "USDT", new ExchangeSettings { FeeBps = 10m }, 1, new OmsSettings(), 1m, "risk 1% of equity per trade", 6, 0, false);
        return new BacktestResult(run, summary, trades, times, equity, [], "ab12", 4, 3, [], 0);
    }
}
