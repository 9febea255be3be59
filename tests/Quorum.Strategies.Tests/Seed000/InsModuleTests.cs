using Quorum.Core.Time;
using Quorum.Core.Trading;
using static Quorum.Strategies.Tests.Seed000.Seed000Bars;
using static Quorum.Strategies.Tests.StrategyHarness;

namespace Quorum.Strategies.Tests.Seed000;

public sealed class InsModuleTests
{
    // mother [90, 110], inside [96, 106]: compression = 1 − 10/20 = 0.5
    private static readonly (decimal, decimal, decimal, decimal) Mother = (100m, 110m, 90m, 105m);
    private static readonly (decimal, decimal, decimal, decimal) Inside = (104m, 106m, 96m, 100m);

    [Fact]
    public void OnBar_CloseAboveTheMotherHigh_EntersLongWithTheMotherLowAsStop()
    {
        var signals = Run15(Module("ins"), Ohlc(Mother, Inside, (100m, 112m, 99m, 111m)));

        var signal = signals.ShouldHaveSingleItem();
        signal.Side.ShouldBe(PositionSide.Long);
        signal.Strategy.ShouldBe("ins");
        signal.CreatedAtMs.ShouldBe(CloseOf(2));
        signal.Entry.ShouldBe(111m);
        signal.Metadata["module"].ShouldBe("INS");
        signal.Exits!.StopPrice.ShouldBe(90m);
        signal.Exits.Trail.ShouldBe(TrailSpec.DefaultPercent);
        // compression 0.5, thrust = (111 − 110) / 20 = 0.05 → (0.5 + 0.05) / 2 = 0.275
        signal.Confidence.ShouldBe(0.275, 1e-12);
    }

    [Fact]
    public void OnBar_CloseBelowTheMotherLow_EntersShortWithTheMotherHighAsStop()
    {
        var signals = Run15(Module("ins"), Ohlc(Mother, Inside, (100m, 101m, 85m, 86m)));

        var signal = signals.ShouldHaveSingleItem();
        signal.Side.ShouldBe(PositionSide.Short);
        signal.Exits!.StopPrice.ShouldBe(110m);
        // thrust = (90 − 86) / 20 = 0.2 → (0.5 + 0.2) / 2 = 0.35
        signal.Confidence.ShouldBe(0.35, 1e-12);
    }

    [Theory]
    [InlineData("110", 0)] // at the mother's high: not a breakout (strict)
    [InlineData("110.01", 1)]
    public void OnBar_AtTheMotherHighEdge_NeedsAStrictlyHigherClose(string close, int expected)
    {
        var c = decimal.Parse(close, System.Globalization.CultureInfo.InvariantCulture);

        var signals = Run15(Module("ins"), Ohlc(Mother, Inside, (100m, c, 99m, c)));

        signals.Count.ShouldBe(expected);
    }

    [Fact]
    public void OnBar_WhenTheSecondBarTouchesTheMotherHigh_IsNoInsideBar()
    {
        var signals = Run15(Module("ins"), Ohlc(Mother, (104m, 110m, 96m, 100m), (100m, 112m, 99m, 111m)));

        signals.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(3, 1)] // breakout on the 3rd bar after the inside bar: within max_wait = 3
    [InlineData(2, 0)] // max_wait = 2: the setup is gone before it
    public void OnBar_BreakoutAfterMaxWait_IsIgnored(int maxWait, int expected)
    {
        var quiet = (100m, 108m, 95m, 101m); // within the mother range, not inside the inside bar
        var signals = Run15(Module("ins", $"max_wait={maxWait}"), Ohlc(Mother, Inside, quiet, quiet, (100m, 112m, 99m, 111m)));

        signals.Count.ShouldBe(expected);
    }

    [Fact]
    public void OnBar_AfterABreakout_TheSetupIsSpent()
    {
        var signals = Run15(Module("ins"), Ohlc(Mother, Inside, (100m, 112m, 99m, 111m), (111m, 115m, 110m, 114m)));

        signals.Count.ShouldBe(1);
    }

    [Fact]
    public void OnBar_TrendFilter_DropsABreakoutAgainstTheHourlyTrend_AndKeepsOneWithIt()
    {
        // 1h trend: 15m closes rising 1 per bar for 12 hours → hourly closes above their EMA(2); then the pattern.
        var rising = Enumerable.Range(0, 48).Select(i => (decimal)(50 + i)).Select(c => (c, c + 0.5m, c - 0.5m, c)).ToArray();
        var m = 98m;
        (decimal, decimal, decimal, decimal)[] up = [.. rising, (m, m + 10, m - 10, m + 5), (m + 4, m + 6, m - 4, m), (m, m + 12, m - 1, m + 11)];
        (decimal, decimal, decimal, decimal)[] down = [.. rising, (m, m + 10, m - 10, m + 5), (m + 4, m + 6, m - 4, m), (m, m + 1, m - 15, m - 14)];

        var withTrend = RunResampled(Module("ins", "trend_ema=2"), Btc, M15, Ohlc(up));
        var againstTrend = RunResampled(Module("ins", "trend_ema=2"), Btc, M15, Ohlc(down));
        var unfiltered = RunResampled(Module("ins"), Btc, M15, Ohlc(down));

        withTrend.ShouldHaveSingleItem().Side.ShouldBe(PositionSide.Long);
        againstTrend.ShouldBeEmpty();
        unfiltered.ShouldHaveSingleItem().Side.ShouldBe(PositionSide.Short);
    }

    [Fact]
    public void OnBar_BeforeTheTrendEmaIsReady_EmitsNothing()
    {
        // trend_ema = 50 needs 50 closed hours; the breakout comes in the first hour.
        var strategy = Module("ins", "trend_ema=50");
        strategy.WarmUpBars.ShouldBe(50);

        var signals = RunResampled(strategy, Btc, M15, Ohlc(Mother, Inside, (100m, 112m, 99m, 111m)));

        signals.ShouldBeEmpty();
    }

    [Fact]
    public void Subscriptions_AreThe15mSignalAnd1hTrendTimeframesPerSymbol()
    {
        var strategy = StrategyRegistry.BuiltIn.Create("ins", ["trend_ema=0"], new StrategyUniverse([Btc, Eth], Timeframe.M15));

        strategy.Subscriptions.ShouldBe([new(Btc, Timeframe.M15), new(Btc, Timeframe.H1), new(Eth, Timeframe.M15), new(Eth, Timeframe.H1)]);
    }

    [Fact]
    public void OnBar_KeepsSymbolsApart()
    {
        var strategy = StrategyRegistry.BuiltIn.Create("ins", ["trend_ema=0"], new StrategyUniverse([Btc, Eth], Timeframe.M15));
        var bars = Ohlc(Mother, Inside, (100m, 112m, 99m, 111m));
        var sink = new SignalList();

        // BTC gets mother + inside, ETH the breakout bar only: no ETH setup, no BTC breakout.
        strategy.OnBar(Btc, M15, bars[0], sink);
        strategy.OnBar(Btc, M15, bars[1], sink);
        strategy.OnBar(Eth, M15, bars[2], sink);

        sink.Signals.ShouldBeEmpty();
    }

    [Fact]
    public void LookAhead_OnRealData_SignalsOnTruncatedDataEqualTheFullRun()
    {
        var bars = RealBtc5m(12_000);

        var count = AssertNoLookAhead(() => Module("ins", "trend_ema=50"), Btc, Timeframe.M5, bars, Cuts(bars.Length));

        count.ShouldBeGreaterThan(0);
    }
}
