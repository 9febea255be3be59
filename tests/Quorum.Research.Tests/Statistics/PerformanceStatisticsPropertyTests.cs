using FsCheck;
using FsCheck.Fluent;
using Quorum.Core.Instruments;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Research.Statistics;

namespace Quorum.Research.Tests.Statistics;

/// <summary>Invariants of the statistics over random trade lists and random positive equity curves.</summary>
public sealed class PerformanceStatisticsPropertyTests
{
    private static readonly string[] Strategies = ["ema_cross", "buy_and_hold", "breakout"];
    private static readonly Symbol[] Symbols = [Symbol.Parse("BINANCE:BTCUSDT"), Symbol.Parse("BYBIT:ETHUSDT.P"), Symbol.Parse("BINANCE:SOLUSDT")];

    private static readonly Gen<TradeSummary> TradeGen =
        from id in Gen.Choose(0, 1_000_000)
        from strategy in Gen.Elements(Strategies)
        from symbol in Gen.Elements(Symbols)
        from side in Gen.Elements(PositionSide.Long, PositionSide.Short)
        from entryHour in Gen.Choose(-5, 60)
        from hours in Gen.Choose(0, 30)
        from grossCents in Gen.Choose(-50_000, 50_000)
        from feeCents in Gen.Choose(0, 500)
        from fundingCents in Gen.Choose(-100, 100)
        from riskCents in Gen.Choose(0, 20_000)
        select new TradeSummary(
            $"T{id}", strategy, symbol, side, entryHour * Timeframe.HourMs, (entryHour + hours) * Timeframe.HourMs, 100m, 101m, 1m,
            grossCents / 100m, feeCents / 100m, fundingCents / 100m, riskCents == 0 ? null : riskCents / 100m, "test");

    private static readonly Gen<decimal[]> CurveGen =
        from steps in Gen.ListOf(Gen.Choose(-300, 300))
        select Compound(steps);

    [Fact]
    public void RandomRuns_FiguresStayInRange_AndBreakdownsAddUp()
    {
        Prop.ForAll(Gen.ListOf(TradeGen).Select(t => t.ToArray()).ToArbitrary(), CurveGen.ToArbitrary(), (trades, equity) =>
        {
            var times = Enumerable.Range(0, equity.Length).Select(i => i * Timeframe.HourMs).ToArray();

            var summary = PerformanceStatistics.Compute(trades, times, equity, 1_000m, Timeframe.H1);

            (summary.Wins + summary.Losses).ShouldBeLessThanOrEqualTo(summary.Trades);
            summary.MaxDrawdownPct.ShouldBeInRange(0d, 100d);
            summary.MaxDrawdownDurationMs.ShouldBeGreaterThanOrEqualTo(0L);
            if (summary.Exposure is { } exposure)
            {
                exposure.ShouldBeInRange(0d, 1d);
            }

            (summary.GrossProfit - summary.GrossLoss).ShouldBe(summary.NetPnl);
            summary.ByStrategy.Values.Sum(s => s.Trades).ShouldBe(summary.Trades);
            summary.BySymbol.Values.Sum(s => s.Trades).ShouldBe(summary.Trades);
            summary.ByStrategy.Values.Sum(s => s.NetPnl).ShouldBe(summary.NetPnl);
            summary.BySymbol.Values.Sum(s => s.Fees).ShouldBe(summary.Fees);
            summary.ByStrategy.Keys.ShouldBe(summary.ByStrategy.Keys.Order(StringComparer.Ordinal));
            foreach (var ratio in new[] { summary.Sharpe, summary.Sortino, summary.Calmar, summary.ProfitFactor, summary.CagrPct })
            {
                if (ratio is { } value)
                {
                    double.IsFinite(value).ShouldBeTrue();
                }
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void RandomCurves_ScaledByAConstant_KeepEveryRatio()
    {
        Prop.ForAll(CurveGen.ToArbitrary(), Gen.Choose(2, 50).ToArbitrary(), (equity, factor) =>
        {
            var times = Enumerable.Range(0, equity.Length).Select(i => i * Timeframe.HourMs).ToArray();
            var scaled = equity.Select(e => e * factor).ToArray();

            var original = PerformanceStatistics.Compute([], times, equity, 1_000m, Timeframe.H1);
            var bigger = PerformanceStatistics.Compute([], times, scaled, 1_000m * factor, Timeframe.H1);

            bigger.ReturnPct.ShouldBe(original.ReturnPct, 1e-9);
            bigger.MaxDrawdownPct.ShouldBe(original.MaxDrawdownPct, 1e-9);
            bigger.MaxDrawdownDurationMs.ShouldBe(original.MaxDrawdownDurationMs);
            (bigger.Sharpe is null).ShouldBe(original.Sharpe is null);
            if (original.Sharpe is { } sharpe)
            {
                bigger.Sharpe!.Value.ShouldBe(sharpe, 1e-6 * Math.Max(1d, Math.Abs(sharpe)));
            }
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>1 000 compounded by steps of −3 % … +3 % (in 0.01 % units), rounded to cents.</summary>
    private static decimal[] Compound(IEnumerable<int> steps)
    {
        var values = new List<decimal> { 1_000m };
        foreach (var step in steps)
        {
            values.Add(Math.Round(values[^1] * (1m + (step / 10_000m)), 2));
        }

        return [.. values];
    }
}
