using System.Globalization;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Indicators;
using Quorum.Indicators.Averages;
using Quorum.Indicators.Volatility;
using static Quorum.Strategies.Tests.Seed000.Seed000Bars;
using static Quorum.Strategies.Tests.StrategyHarness;

namespace Quorum.Strategies.Tests.Seed000;

public sealed class BrkModuleTests
{
    private const string Periods = "ema=3";

    private const string AtrPeriod = "atr_period=5";

    /// <summary>
    /// Ten flat bars (close 100, range 99–101: ATR 2), then a bar closing at <paramref name="breakout"/>. At 107: EMA(3) =
    /// 100 + ½·7 = 103.5, true range 107.5 − 99.5 = 8, ATR(5) = (4·2 + 8) / 5 = 3.2, upper band 106.7 &lt; 107.
    /// </summary>
    private static Bar[] Setup(decimal breakout)
    {
        var flat = Enumerable.Repeat((100m, 101m, 99m, 100m), 10);
        return Ohlc([.. flat, (100m, Math.Max(101m, breakout + 0.5m), 99.5m, breakout)]);
    }

    /// <summary>(close − EMA(3)) / ATR(5) at the last bar, independently computed: the band multiple the close reaches.</summary>
    private static (double Multiple, double Ema, double Atr) Reach(Bar[] bars)
    {
        var ema = new Ema(3);
        var atr = new Atr(5);
        foreach (var bar in bars)
        {
            ema.Update((double)bar.Close);
            atr.Update(OhlcvPoint.From(bar));
        }

        return (((double)bars[^1].Close - ema.Value) / atr.Value, ema.Value, atr.Value);
    }

    [Fact]
    public void OnBar_FreshCloseAboveTheUpperBand_EntersLongWithAnAtrStop()
    {
        var bars = Setup(107m);
        var (multiple, _, _) = Reach(bars);

        var signals = Run15(Module("brk", Periods, AtrPeriod, "atr_mult=1"), bars);

        var signal = signals.ShouldHaveSingleItem();
        signal.Side.ShouldBe(PositionSide.Long);
        signal.CreatedAtMs.ShouldBe(CloseOf(10));
        signal.Metadata["module"].ShouldBe("BRK");
        signal.Exits!.StopAtrMultiple.ShouldBe(1.5m);
        signal.Exits.StopPrice.ShouldBeNull();
        signal.Exits.Trail.ShouldBe(TrailSpec.DefaultPercent);
        // excess over the band in ATRs = multiple − 1 → 0.5 + 0.5 · min(1, multiple − 1)
        signal.Confidence.ShouldBe(0.5 + (0.5 * Math.Min(1, multiple - 1)), 1e-9);
    }

    [Fact]
    public void OnBar_FreshCloseBelowTheLowerBand_EntersShort()
    {
        var signals = Run15(Module("brk", Periods, AtrPeriod), Mirror(Setup(107m), 100m));

        signals.ShouldHaveSingleItem().Side.ShouldBe(PositionSide.Short);
    }

    [Fact]
    public void OnBar_AtrMultipleEdge_TheCloseMustBeStrictlyBeyondTheBand()
    {
        var bars = Setup(103m);
        var (multiple, _, _) = Reach(bars);
        multiple.ShouldBeInRange(0.1, 4.9);
        string Mult(double x) => "atr_mult=" + x.ToString("R", CultureInfo.InvariantCulture);

        Run15(Module("brk", Periods, AtrPeriod, Mult(multiple - 1e-9)), bars).Count.ShouldBe(1);
        Run15(Module("brk", Periods, AtrPeriod, Mult(multiple + 1e-9)), bars).ShouldBeEmpty();
    }

    [Fact]
    public void OnBar_StayingAboveTheBand_IsNotANewBreakout()
    {
        var bars = Setup(107m);
        var next = bars[^1] with { OpenTimeMs = bars[^1].OpenTimeMs + M15.Milliseconds, Close = 110m, High = 110.5m };

        var signals = Run15(Module("brk", Periods, AtrPeriod), [.. bars, next]);

        signals.Count.ShouldBe(1);
    }

    [Fact]
    public void OnBar_DuringWarmUp_EmitsNothing()
    {
        // ema = 3, atr_period = 5: the ATR's first value is at bar index 5 (5 true ranges from the 2nd bar), a cross needs bar 6.
        var strategy = Module("brk", Periods, AtrPeriod);
        strategy.WarmUpBars.ShouldBe(7);
        var flat = (100m, 101m, 99m, 100m);
        var jump = (100m, 120m, 99m, 119m);
        Run15(strategy, Ohlc(flat, flat, flat, flat, flat, jump)).ShouldBeEmpty();
        Run15(Module("brk", Periods, AtrPeriod), Ohlc(flat, flat, flat, flat, flat, flat, jump)).Count.ShouldBe(1);
    }

    [Fact]
    public void LookAhead_OnRealData_SignalsOnTruncatedDataEqualTheFullRun()
    {
        var bars = RealBtc5m(12_000);

        var count = AssertNoLookAhead(() => Module("brk", "trend_ema=50"), Btc, Timeframe.M5, bars, Cuts(bars.Length));

        count.ShouldBeGreaterThan(0);
    }
}
