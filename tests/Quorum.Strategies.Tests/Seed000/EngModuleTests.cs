using System.Globalization;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Indicators.Oscillators;
using static Quorum.Strategies.Tests.Seed000.Seed000Bars;
using static Quorum.Strategies.Tests.StrategyHarness;

namespace Quorum.Strategies.Tests.Seed000;

public sealed class EngModuleTests
{
    /// <summary>
    /// 16 bars falling 2 and rising 1 in turn (RSI(14) low), bar 15 a black bar 97 → 95, bar 16 a white bar 94.5 → 98
    /// engulfing it (body 3.5 against 2).
    /// </summary>
    private static Bar[] BullishSetup()
    {
        var list = new List<(decimal, decimal, decimal, decimal)>();
        var close = 130m;
        for (var i = 0; i < 15; i++)
        {
            var next = i % 2 == 0 ? close - 2m : close + 1m;
            list.Add((close, Math.Max(close, next) + 0.5m, Math.Min(close, next) - 0.5m, next));
            close = next;
        }

        list.Add((close, close + 0.5m, close - 2.5m, close - 2m)); // bar 15: black, body 2
        var engulfed = close - 2m;
        list.Add((engulfed - 0.5m, engulfed + 3.5m, engulfed - 1m, engulfed + 3m)); // bar 16: white, opens below, closes above
        return Ohlc([.. list]);
    }

    /// <summary>RSI(14) at bar 15 (the engulfed bar), computed independently with the indicator.</summary>
    private static double EngulfedRsi(Bar[] bars)
    {
        var rsi = new Rsi(14);
        for (var i = 0; i <= 15; i++)
        {
            rsi.Update((double)bars[i].Close);
        }

        return rsi.Value;
    }

    [Fact]
    public void OnBar_BullishEngulfingAfterOversoldRsi_EntersLong()
    {
        var bars = BullishSetup();
        var rsi = EngulfedRsi(bars);
        rsi.ShouldBeInRange(5, 35); // the default oversold = 35 applies

        var signals = Run15(Module("eng"), bars);

        var signal = signals.ShouldHaveSingleItem();
        signal.Side.ShouldBe(PositionSide.Long);
        signal.CreatedAtMs.ShouldBe(CloseOf(16));
        signal.Metadata["module"].ShouldBe("ENG");
        signal.Metadata["rsi"].ShouldBe(rsi);
        signal.Exits!.StopPrice.ShouldBe(Math.Min(bars[15].Low, bars[16].Low));
        // extremity = (50 − rsi) / 50; size = 3.5 / 2 − 1 = 0.75
        signal.Confidence.ShouldBe((((50 - rsi) / 50) + 0.75) / 2, 1e-12);
    }

    [Fact]
    public void OnBar_BearishEngulfingAfterOverboughtRsi_EntersShort()
    {
        var bars = Mirror(BullishSetup(), 100m);

        var signals = Run15(Module("eng"), bars);

        var signal = signals.ShouldHaveSingleItem();
        signal.Side.ShouldBe(PositionSide.Short);
        signal.Exits!.StopPrice.ShouldBe(Math.Max(bars[15].High, bars[16].High));
    }

    [Fact]
    public void OnBar_OversoldEdge_IsInclusive()
    {
        var bars = BullishSetup();
        var rsi = EngulfedRsi(bars);
        string Oversold(double x) => "oversold=" + x.ToString("R", CultureInfo.InvariantCulture);

        Run15(Module("eng", Oversold(rsi)), bars).Count.ShouldBe(1);
        Run15(Module("eng", Oversold(rsi - 1e-9)), bars).ShouldBeEmpty();
    }

    [Fact]
    public void OnBar_BullishEngulfingWithoutOversoldRsi_EmitsNothing()
    {
        // The same two final bars after a rise: RSI high, no long; an up-trend engulfing is not a reversal.
        var bars = BullishSetup();
        var risen = Ohlc([.. Mirror(bars[..15], 100m).Select(b => (b.Open, b.High, b.Low, b.Close)), (bars[15].Open, bars[15].High, bars[15].Low, bars[15].Close), (bars[16].Open, bars[16].High, bars[16].Low, bars[16].Close)]);

        Run15(Module("eng", "oversold=50"), risen).ShouldBeEmpty();
    }

    [Fact]
    public void OnBar_WhenTheBodyDoesNotEngulf_EmitsNothing()
    {
        var bars = BullishSetup();
        bars[16] = bars[16] with { Close = bars[15].Open }; // closes at the engulfed open: not strictly beyond

        Run15(Module("eng", "oversold=50"), bars).ShouldBeEmpty();
    }

    [Fact]
    public void OnBar_DuringRsiWarmUp_EmitsNothing()
    {
        // The engulfing pair as bars 3–4: the RSI(14) has no value at bar 3.
        var bars = BullishSetup()[12..];

        var strategy = Module("eng", "oversold=50");
        Run15(strategy, bars).ShouldBeEmpty();
        Run15(Module("eng", "oversold=50", "rsi_period=2"), bars).Count.ShouldBe(1); // with a short RSI it does fire
    }

    [Fact]
    public void LookAhead_OnRealData_SignalsOnTruncatedDataEqualTheFullRun()
    {
        var bars = RealBtc5m(12_000);

        var count = AssertNoLookAhead(() => Module("eng", "trend_ema=50", "oversold=40", "overbought=60"), Btc, Timeframe.M5, bars, Cuts(bars.Length));

        count.ShouldBeGreaterThan(0);
    }
}
