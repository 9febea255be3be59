using System.Globalization;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Indicators;
using Quorum.Strategies.Tests.Regimes;
using static Quorum.Strategies.Tests.StrategyHarness;

namespace Quorum.Strategies.Tests.Seed001;

public sealed class RangeRev5mTests
{
    private const int Quiet = 1200;


    // After 1200 quiet 5m bars (a 100 ↔ 101 zigzag: range_lowvol, RSI near 50), 8 bars step down 0.3 each and a
    // last bar drops 2.5 to 95.1: still range_lowvol (ADX 22.5, the drop is 3.4 ATRs), below the lower band (96.56),
    // RSI(14) 31.1. Its 1h bar has not closed, so the 1h trend is flat (best for a reversion).
    [Fact]
    public void DipBelowTheLowerBand_WithRsiOversold_InRangeLowVol_GoesLongWithTheSeedsExits()
    {
        var signal = Run(Dip(8, 0.3, 2.5), "rsi_oversold=32").ShouldHaveSingleItem();

        signal.Side.ShouldBe(PositionSide.Long);
        signal.Timeframe.ShouldBe(Timeframe.M5);
        signal.Entry.ShouldBe(95.1m);
        signal.Metadata["regime"].ShouldBe("range_lowvol");
        ((double)signal.Metadata["band"]).ShouldBeGreaterThan(95.1);
        ((double)signal.Metadata["setup_score"]).ShouldBeGreaterThanOrEqualTo(7);
        signal.Exits!.TakeProfits.ShouldBe([new TakeProfitAtR(0.5m, 0.5m), new TakeProfitAtR(1.0m, 0.5m)]);
        signal.Exits.TimeStopMs.ShouldBe(60 * Timeframe.MinuteMs);
        signal.Exits.Trail.ShouldBeNull();
        (signal.Entry!.Value - signal.Exits.StopPrice!.Value).ShouldBeLessThan(2m); // tight: 1 × ATR(5m) ≈ 0.93
    }

    [Fact]
    public void RsiThreshold_IsInclusive()
    {
        var rsi = (double)Run(Dip(8, 0.3, 2.5), "rsi_oversold=32").Single().Metadata["rsi"];

        Run(Dip(8, 0.3, 2.5), $"rsi_oversold={Text(rsi)}").Count.ShouldBe(1);
        Run(Dip(8, 0.3, 2.5), $"rsi_oversold={Text(rsi - 1e-9)}").ShouldBeEmpty();
        Run(Dip(8, 0.3, 2.5)).ShouldBeEmpty(); // the default 30 is below RSI 31.1
    }

    [Fact]
    public void CloseInsideTheBand_IsNoReversion()
    {
        // Three deviations put the lower band below the 95.1 close.
        Run(Dip(8, 0.3, 2.5), "rsi_oversold=32", "bb_deviations=3").ShouldBeEmpty();
    }

    [Fact]
    public void OutsideRangeLowVol_NeverTrades()
    {
        // 8 steps of 0.4 and a 2.5 drop: ADX 25.5 with a falling EMA is trend_down, though the close (94.3) is below the
        // lower band (95.8) and RSI 29.7 is oversold by the default 30.
        Run(Dip(8, 0.4, 2.5)).ShouldBeEmpty();

        // 10 steps of 0.2 and a 2.5 drop: the last bar is 4.05 ATRs down, a crash bar: panic.
        Run(Dip(10, 0.2, 2.5), "rsi_oversold=35").ShouldBeEmpty();
    }

    [Fact]
    public void RallyAboveTheUpperBand_WithRsiOverbought_GoesShort_UnlessShortsAreOff()
    {
        var bars = RegimeSeries.Zigzag(Quiet, timeframe: Timeframe.M5);
        RegimeSeries.Append(bars, 8, i => 101 + (0.3 * (i + 1)), Timeframe.M5);
        RegimeSeries.Append(bars, 1, _ => 101 + 2.4 + 2.5, Timeframe.M5, 1500);

        Run(bars, "rsi_overbought=65").ShouldHaveSingleItem().Side.ShouldBe(PositionSide.Short);
        Run(bars, "rsi_overbought=65", "shorts=0").ShouldBeEmpty();
    }

    [Fact]
    public void DuringWarmUp_NoSignal()
    {
        // 200 quiet bars: the 5m regime classifier needs 288 (its 24 h crash window).
        var bars = RegimeSeries.Zigzag(200, timeframe: Timeframe.M5);
        RegimeSeries.Append(bars, 8, i => 100 - (0.3 * (i + 1)), Timeframe.M5);
        RegimeSeries.Append(bars, 1, _ => 95.1, Timeframe.M5, 1500);

        Create().WarmUpBars.ShouldBe(288);
        Run(bars, "rsi_oversold=50").ShouldBeEmpty();
    }

    [Fact]
    public void TimeStop_AboveAnHour_IsRefused()
    {
        Should.Throw<ArgumentException>(() => Create("time_stop_minutes=61")).Message.ShouldContain("time_stop_minutes = 61 is out of range (integer 5 ≤ x ≤ 60)");
    }

    private static List<OhlcvPoint> Dip(int steps, double step, double drop)
    {
        var bars = RegimeSeries.Zigzag(Quiet, timeframe: Timeframe.M5);
        RegimeSeries.Append(bars, steps, i => 100 - (step * (i + 1)), Timeframe.M5);
        RegimeSeries.Append(bars, 1, _ => 100 - (step * steps) - drop, Timeframe.M5, 1500);
        return bars;
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static List<Signal> Run(List<OhlcvPoint> bars, params string[] assignments) =>
        RunResampled(Create(assignments), Btc, Timeframe.M5, Seed001Bars.ToBars(bars));

    private static IStrategy Create(params string[] assignments) =>
        StrategyRegistry.BuiltIn.Create("range_rev_5m", assignments.Concat(["turnover_full=1", "max_spread_bps=2000"]), new StrategyUniverse([Btc], Timeframe.M5));
}
