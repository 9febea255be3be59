using System.Globalization;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using static Quorum.Strategies.Tests.Seed000.Seed000Bars;
using static Quorum.Strategies.Tests.StrategyHarness;

namespace Quorum.Strategies.Tests.Seed000;

public sealed class PinModuleTests
{
    private const string Levels = "level_bars=2";
    private const string FastEma = "ema=2";

    /// <summary>
    /// Two swing lows at exactly 100 (bars 2 and 7, each confirmed two bars later: a support with 2 touches; the ATR(14)
    /// is not ready, so the tolerance is 0.1 % of 100 = 0.1), then bar 11: a bullish pin bar open 105.5, high 107, low
    /// 100, close 106.5 (nose 5.5, body 1, opposite wick 0.5) whose tip sits on the level, closing above the EMA(2) ≈ 106.2.
    /// </summary>
    private static Bar[] Setup(decimal pinLow = 100m, decimal pinOpen = 105.5m, decimal pinClose = 106.5m) => Ohlc(
        (105m, 106m, 104m, 105m),
        (104m, 105m, 103m, 104m),
        (102m, 103m, 100m, 101m),
        (102m, 104m, 101m, 103m),
        (104m, 106m, 103m, 105m),
        (105m, 108m, 104m, 107m),
        (106m, 107m, 103m, 104m),
        (103m, 104m, 100m, 101m),
        (102m, 104m, 101m, 103m),
        (104m, 106m, 103m, 105m),
        (105m, 107m, 104m, 106m),
        (pinOpen, 107m, pinLow, pinClose));

    [Fact]
    public void OnBar_BullishPinRejectingASupportAboveTheEma_EntersLongWithTheTipAsStop()
    {
        var signals = Run15(Module("pin", Levels, FastEma), Setup());

        var signal = signals.ShouldHaveSingleItem();
        signal.Side.ShouldBe(PositionSide.Long);
        signal.CreatedAtMs.ShouldBe(CloseOf(11));
        signal.Metadata["module"].ShouldBe("PIN");
        signal.Metadata["level"].ShouldBe(100.0);
        signal.Metadata["level_touches"].ShouldBe(2);
        signal.Exits!.StopPrice.ShouldBe(100m);
        // shape = 5.5 / 7, strength = 2 / 4, proximity = 1 (tip on the level) → (0.785714… + 0.5 + 1) / 3
        signal.Confidence.ShouldBe(((5.5 / 7) + 0.5 + 1) / 3, 1e-12);
    }

    [Fact]
    public void OnBar_BearishPinRejectingAResistanceBelowTheEma_EntersShort()
    {
        var signals = Run15(Module("pin", Levels, FastEma), Mirror(Setup(), 100m));

        var signal = signals.ShouldHaveSingleItem();
        signal.Side.ShouldBe(PositionSide.Short);
        signal.Exits!.StopPrice.ShouldBe(100m); // the mirrored pin's high
    }

    [Theory]
    [InlineData(5.5, 1)] // nose 5.5 = 5.5 bodies: the bound is inclusive
    [InlineData(5.51, 0)]
    public void OnBar_NoseToBodyEdge(double noseBody, int expected)
    {
        var signals = Run15(Module("pin", Levels, FastEma, "nose_body=" + noseBody.ToString("R", CultureInfo.InvariantCulture)), Setup());

        signals.Count.ShouldBe(expected);
    }

    [Theory]
    [InlineData("100.1", 1)] // tip 0.1 above the level: within the 0.1 tolerance
    [InlineData("100.11", 0)]
    public void OnBar_LevelToleranceEdge(string low, int expected)
    {
        var signals = Run15(Module("pin", Levels, FastEma), Setup(pinLow: decimal.Parse(low, CultureInfo.InvariantCulture)));

        signals.Count.ShouldBe(expected);
    }

    [Fact]
    public void OnBar_LevelWithTooFewTouches_EmitsNothing()
    {
        Run15(Module("pin", Levels, FastEma, "min_touches=3"), Setup()).ShouldBeEmpty();
    }

    [Fact]
    public void OnBar_PinClosingBelowTheEma_EmitsNothing()
    {
        // A small bullish pin at the level, open 101.3, close 101.5 (nose 1.3, body 0.2): below the EMA(2) ≈ 103.
        var bars = Setup(pinOpen: 101.3m, pinClose: 101.5m);
        bars[^1] = bars[^1] with { High = 101.6m };

        Run15(Module("pin", Levels, FastEma), bars).ShouldBeEmpty();
    }

    [Fact]
    public void OnBar_PinFarFromAnyLevel_EmitsNothing()
    {
        Run15(Module("pin", Levels, FastEma), Setup(pinLow: 102m)).ShouldBeEmpty();
    }

    [Fact]
    public void OnBar_DuringEmaWarmUp_EmitsNothing()
    {
        // ema = 20 has no value by bar 11.
        var strategy = Module("pin", Levels, "ema=20");
        strategy.WarmUpBars.ShouldBe(20);

        Run15(strategy, Setup()).ShouldBeEmpty();
    }

    [Fact]
    public void LookAhead_OnRealData_SignalsOnTruncatedDataEqualTheFullRun()
    {
        var bars = RealBtc5m(12_000);

        var count = AssertNoLookAhead(() => Module("pin", "trend_ema=50"), Btc, Timeframe.M5, bars, Cuts(bars.Length));

        count.ShouldBeGreaterThan(0);
    }
}
