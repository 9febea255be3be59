using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Strategies.Seed003;
using static Quorum.Strategies.Tests.StrategyHarness;

namespace Quorum.Strategies.Tests.Seed003;

public sealed class GridStrategyTests
{
    // Explicit grid: 100..200 in 5 arithmetic levels (100, 125, 150, 175, 200), stop 10 % below 100 = 90;
    // ATR(2) is ready on the third bar, so the grid is laid at bar index 2.
    private static readonly string[] Explicit = ["lower_price=100", "upper_price=200", "grid_levels=5", "stop_pct=10", "atr_period=2"];

    [Fact]
    public void Compute_Arithmetic_IsEqualSteps()
    {
        GridLevels.Compute(100m, 200m, 5, GridMode.Arithmetic).ShouldBe([100m, 125m, 150m, 175m, 200m]);
        GridLevels.Compute(10m, 11m, 3, GridMode.Arithmetic).ShouldBe([10m, 10.5m, 11m]);
    }

    [Fact]
    public void Compute_Geometric_IsEqualRatios()
    {
        // ratio 400/100 = 4 over 2 steps: ×2 each.
        GridLevels.Compute(100m, 400m, 3, GridMode.Geometric).ShouldBe([100m, 200m, 400m]);

        // ratio 16 over 4 steps: ×2 each (interior levels through double: within 1e-9).
        var levels = GridLevels.Compute(100m, 1600m, 5, GridMode.Geometric);
        levels[0].ShouldBe(100m);
        levels[1].ShouldBe(200m, 1e-9m);
        levels[2].ShouldBe(400m, 1e-9m);
        levels[3].ShouldBe(800m, 1e-9m);
        levels[4].ShouldBe(1600m);
    }

    [Theory]
    [InlineData(0, 100, 5)]
    [InlineData(100, 100, 5)]
    [InlineData(100, 200, 1)]
    public void Compute_BadBoundsOrCount_Throws(int lower, int upper, int count)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => GridLevels.Compute(lower, upper, count, GridMode.Arithmetic));
    }

    [Theory]
    [InlineData(8, 2, 5)] // 4 ATRs → clamped up to 5 (the seed template's minimum)
    [InlineData(24.8, 2, 12)] // 12.4 → 12
    [InlineData(25, 2, 13)] // 12.5 → 13 (half away from zero)
    [InlineData(1000, 2, 50)] // 500 → clamped down to 50
    public void TemplateCount_IsSpanOverAtrClampedTo5To50(double span, double atr, int expected)
    {
        GridLevels.TemplateCount((decimal)span, (decimal)atr).ShouldBe(expected);
    }

    [Fact]
    public void ProfitAndTakeProfitR_KnownAnswers()
    {
        GridLevels.ProfitPercent(100m, 125m).ShouldBe(25m);
        GridLevels.ProfitPercent(200m, 220m).ShouldBe(10m);
        GridLevels.TakeProfitR(100m, 125m, 90m).ShouldBe(2.5m); // 25 / 10
        GridLevels.TakeProfitR(150m, 175m, 90m).ShouldBe(25m / 60m);
    }

    [Fact]
    public void OnBar_ExplicitGrid_BuysAtEveryLevelBelowThePriceWithTakeProfitAtTheNextLevel()
    {
        var strategy = Create("grid", Timeframe.H1, Explicit);

        var signals = Run(strategy, Btc, Timeframe.H1, Flat(160m, 3));

        // Levels below 160: 100, 125, 150; 175 is above, 200 is the top (a sell only).
        signals.Select(s => s.Entry).ShouldBe([100m, 125m, 150m]);
        signals.ShouldAllBe(s => StrategySignals.IsLimitEntry(s) && s.Side == PositionSide.Long && StrategySignals.IntentOf(s) == SignalIntent.Entry);
        signals.ShouldAllBe(s => s.Exits!.StopPrice == 90m && s.Exits.TakeProfits.Length == 1 && s.Exits.TakeProfits[0].Fraction == 1m);
        signals.Select(s => s.Exits!.TakeProfits[0].AtR).ShouldBe([2.5m, 25m / 35m, 25m / 60m]);
        signals.Select(s => (int)s.Metadata[GridStrategy.LevelKey]).ShouldBe([0, 1, 2]);
        signals[0].Metadata["grid_take_profit"].ShouldBe(125m);
        signals[0].Metadata["grid_profit_pct"].ShouldBe(25m);
        signals[0].Metadata["grid_mode"].ShouldBe("arithmetic");
        signals[0].Confidence.ShouldBe(1.0); // 0.5 + 0.5 × (200 − 100) / 100
        signals[2].Confidence.ShouldBe(0.75); // 0.5 + 0.5 × 50 / 100
        signals.ShouldAllBe(s => s.CreatedAtMs == Start + (3 * Timeframe.HourMs));
    }

    [Fact]
    public void OnBar_DuringWarmUp_EmitsNothing()
    {
        var strategy = Create("grid", Timeframe.H1, Explicit);
        strategy.WarmUpBars.ShouldBe(3);

        Run(strategy, Btc, Timeframe.H1, Flat(160m, 2)).ShouldBeEmpty();
    }

    [Fact]
    public void OnBar_LevelExactlyAtTheClose_IsNotABuyBelowThePrice()
    {
        var strategy = Create("grid", Timeframe.H1, Explicit);

        var atLevel = Run(strategy, Btc, Timeframe.H1, Flat(150m, 3));
        atLevel.Select(s => s.Entry).ShouldBe([100m, 125m]);

        strategy.Reset();
        var justAbove = Run(strategy, Btc, Timeframe.H1, Flat(150.01m, 3));
        justAbove.Select(s => s.Entry).ShouldBe([100m, 125m, 150m]);
    }

    [Fact]
    public void OnBar_PriceRisesAboveALevel_ArmsItOnce()
    {
        var strategy = Create("grid", Timeframe.H1, Explicit);
        var bars = FromCloses(Timeframe.H1, 160m, 160m, 160m, 170m, 180m, 180m);

        var signals = Run(strategy, Btc, Timeframe.H1, bars);

        signals.Select(s => s.Entry).ShouldBe([100m, 125m, 150m, 175m]);
        signals[^1].CreatedAtMs.ShouldBe(Start + (5 * Timeframe.HourMs)); // bar 4 (close 180) closes at open + 1h
    }

    [Fact]
    public void Hooks_FillThenTakeProfit_CountARoundTripAndReArmTheLevel()
    {
        var strategy = (GridStrategy)Create("grid", Timeframe.H1, Explicit);
        var sink = new SignalList();
        Feed(strategy, sink, Flat(160m, 3));
        var level150 = sink.Signals[2];
        sink.Signals.Clear();

        var position = new StrategyPosition("t1", Btc, PositionSide.Long, 1m, 150m, Start + (3 * Timeframe.HourMs), level150);
        strategy.OnPositionOpened(position, sink);
        sink.Signals.ShouldBeEmpty(); // the sell at 175 is the trade's own take-profit
        strategy.GetStats(Btc).Levels[2].State.ShouldBe(GridLevelState.Open);

        strategy.OnPositionClosed(new ClosedStrategyPosition(position, 175m, 24.5m, Start + (4 * Timeframe.HourMs), "take_profit"), sink);

        sink.Signals.Count.ShouldBe(1); // rebalancing: the buy at 150 again
        sink.Signals[0].Entry.ShouldBe(150m);
        sink.Signals[0].Metadata["grid_round_trips"].ShouldBe(1);
        sink.Signals[0].Metadata["grid_realized"].ShouldBe(24.5m);
        var stats = strategy.GetStats(Btc);
        stats.BuyFills.ShouldBe(1);
        stats.SellFills.ShouldBe(1);
        stats.RoundTrips.ShouldBe(1);
        stats.RealizedProfit.ShouldBe(24.5m);
        stats.Levels[2].ShouldBe(new GridLevelStats(2, 150m, 25m / 150m * 100m, 1, 1, 24.5m, GridLevelState.Pending));
        stats.Levels[4].State.ShouldBe(GridLevelState.SellOnly);
        (stats.Lower, stats.Upper, stats.Stop, stats.IsInitialized, stats.IsStopped).ShouldBe((100m, 200m, 90m, true, false));
    }

    [Fact]
    public void Hooks_StopOut_StopsTheGrid()
    {
        var strategy = (GridStrategy)Create("grid", Timeframe.H1, Explicit);
        var sink = new SignalList();
        Feed(strategy, sink, Flat(160m, 3));
        var level100 = sink.Signals[0];
        sink.Signals.Clear();
        var position = new StrategyPosition("t1", Btc, PositionSide.Long, 1m, 100m, Start, level100);
        strategy.OnPositionOpened(position, sink);

        strategy.OnPositionClosed(new ClosedStrategyPosition(position, 90m, -10.2m, Start + Timeframe.HourMs, "stop_loss"), sink);
        Feed(strategy, sink, Flat(160m, 7)[3..]);

        sink.Signals.ShouldBeEmpty();
        strategy.GetStats(Btc).IsStopped.ShouldBeTrue();
        strategy.GetStats(Btc).RoundTrips.ShouldBe(0);
        strategy.GetStats(Btc).RealizedProfit.ShouldBe(-10.2m);
    }

    [Fact]
    public void Hooks_EntryRejected_IsAskedAgainOnlyAfterRetryBars()
    {
        // Refused after bar 2 (opening at 02:00) with retry_bars = 2: bar 3 does not ask again, bar 4 (04:00) does.
        var strategy = (GridStrategy)Create("grid", Timeframe.H1, [.. Explicit, "retry_bars=2"]);
        var sink = new SignalList();
        var bars = Flat(160m, 5);
        Feed(strategy, sink, bars[..3]);
        var level125 = sink.Signals[1];
        sink.Signals.Clear();

        strategy.OnEntryRejected(level125, "risk: max open trades", sink);
        strategy.GetStats(Btc).Levels[1].State.ShouldBe(GridLevelState.Idle);
        Feed(strategy, sink, bars[3..4]);
        sink.Signals.ShouldBeEmpty();
        Feed(strategy, sink, bars[4..]);

        sink.Signals.Select(s => s.Entry).ShouldBe([125m]);
    }

    [Fact]
    public void OnBar_CloseAtTheStop_ExitsOnceAndStops()
    {
        var strategy = Create("grid", Timeframe.H1, Explicit);
        var bars = FromCloses(Timeframe.H1, 160m, 160m, 160m, 90.01m, 90m, 80m);

        var signals = Run(strategy, Btc, Timeframe.H1, bars);

        // 3 buys at bar 2, nothing new at 90.01 (just above the stop: no level is below it), one exit at 90.
        signals.Count.ShouldBe(4);
        StrategySignals.IntentOf(signals[3]).ShouldBe(SignalIntent.Exit);
        signals[3].Side.ShouldBe(PositionSide.Long);
        signals[3].CreatedAtMs.ShouldBe(Start + (5 * Timeframe.HourMs));
    }

    [Fact]
    public void OnBar_LaidBelowItsRange_WaitsInsteadOfStoppingAndBuysOnceThePriceIsInside()
    {
        // First close 80 is below the stop (90) with nothing at stake: no exit; at 130 the levels 100 and 125 are bought.
        var strategy = (GridStrategy)Create("grid", Timeframe.H1, Explicit);

        var signals = Run(strategy, Btc, Timeframe.H1, FromCloses(Timeframe.H1, 80m, 80m, 80m, 85m, 130m));

        signals.Select(s => s.Entry).ShouldBe([100m, 125m]);
        signals.ShouldAllBe(s => StrategySignals.IntentOf(s) == SignalIntent.Entry);
        strategy.GetStats(Btc).IsStopped.ShouldBeFalse();
    }

    [Fact]
    public void OnBar_AtrTemplate_LaysFiveLevelsTwoAtrsAroundTheFirstPrice()
    {
        // Every bar: close 100, high 101, low 99 → true range 2, ATR(2) = 2 at bar 2.
        // Range 100 ± 2 × 2 = [96, 104]; span 8 / ATR 2 = 4 levels → clamped to 5: 96, 98, 100, 102, 104; stop 96 × 0.95.
        var strategy = (GridStrategy)Create("grid", Timeframe.H1, "atr_period=2");
        var bars = Enumerable.Range(0, 3).Select(i => new Bar(Start + (i * Timeframe.HourMs), 100m, 101m, 99m, 100m, 1m)).ToArray();

        var signals = Run(strategy, Btc, Timeframe.H1, bars);

        strategy.GetStats(Btc).Levels.Select(l => l.Price).ShouldBe([96m, 98m, 100m, 102m, 104m]);
        strategy.GetStats(Btc).Stop.ShouldBe(91.2m);
        signals.Select(s => s.Entry).ShouldBe([96m, 98m]);
    }

    [Fact]
    public void OnBar_GeometricMode_TagsTheSignals()
    {
        var strategy = Create("grid", Timeframe.H1, "lower_price=100", "upper_price=400", "grid_levels=3", "geometric=1", "atr_period=2");

        var signals = Run(strategy, Btc, Timeframe.H1, Flat(300m, 3));

        signals.Select(s => s.Entry).ShouldBe([100m, 200m]);
        signals[0].Metadata["grid_mode"].ShouldBe("geometric");
        signals[0].Metadata["grid_profit_pct"].ShouldBe(100m);
    }

    [Theory]
    [InlineData("lower_price=100", "strategy grid: lower_price = 100, upper_price = 0: give both with lower_price < upper_price, or neither (0: ATR template)")]
    [InlineData("grid_levels=1", "strategy grid: grid_levels = 1: need 0 (ATR template) or at least 2")]
    public void Create_InconsistentParameters_NamesThem(string assignment, string expected)
    {
        Should.Throw<ArgumentException>(() => Create("grid", Timeframe.H1, assignment)).Message.ShouldBe(expected);
    }

    [Fact]
    public void Descriptor_IsSeed003OnOneHourWithATradePerLevel()
    {
        var descriptor = StrategyRegistry.BuiltIn.Get("grid");

        descriptor.Origin.ShouldBe("seed 003");
        descriptor.Timeframes.ShouldBe([Timeframe.H1]);
        descriptor.MaxOpenTradesPerSymbol.ShouldBe(GridStrategy.MaxLevels);
        descriptor.AveragesDown.ShouldBeFalse();
    }

    [Fact]
    public void Signals_OnRealData_HaveNoLookAhead()
    {
        var bars = RealData.Perp1h("BTCUSDT", 3000);

        var count = AssertNoLookAhead(() => Create("grid", Timeframe.H1), Btc, Timeframe.H1, bars, [15, 200, 1000, 2999]);

        count.ShouldBeGreaterThan(0);
    }

    private static Bar[] Flat(decimal close, int count) => FromCloses(Timeframe.H1, [.. Enumerable.Repeat(close, count)]);

    private static void Feed(IStrategy strategy, ISignalSink sink, IEnumerable<Bar> bars)
    {
        foreach (var bar in bars)
        {
            strategy.OnBar(Btc, Timeframe.H1, bar, sink);
        }
    }
}
