using Quorum.Configuration;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Strategies.Seed003;
using Quorum.TestKit;
using static Quorum.Strategies.Tests.StrategyHarness;

namespace Quorum.Strategies.Tests.Seed003;

public sealed class DcaStrategyTests
{
    // Defaults: trigger 2 %, 5 steps, take-profit 3 % above the average, stop 15 % below step 1.
    // From a high of 100: step 1 at 98 (stop 98 × 0.85 = 83.3); after a fill at 98, step 2 at 98 × 0.98 = 96.04.

    [Fact]
    public void Math_KnownAnswers()
    {
        DcaMath.TriggerPrice(100m, 2m).ShouldBe(98m);
        DcaMath.TriggerPrice(98m, 2m).ShouldBe(96.04m);
        DcaMath.TakeProfitPrice(97.02m, 3m).ShouldBe(99.9306m);
        DcaMath.StopPrice(98m, 15m).ShouldBe(83.3m);
        DcaMath.AverageEntry([1m, 1m], [98m, 96.04m]).ShouldBe(97.02m);
        DcaMath.AverageEntry([1m, 2m], [100m, 94m]).ShouldBe(96m); // (100 + 188) / 3
        DcaMath.AverageEntry([], []).ShouldBe(0m);
        DcaMath.EqualAmountAverage([100m, 50m]).ShouldBe(200m / 3m, 1e-20m); // 2 / (1/100 + 1/50)
    }

    [Theory]
    [InlineData(5, 2, 15, true)] // 0.98^4 = 0.9224 > 0.85
    [InlineData(9, 2, 15, true)] // 0.98^8 = 0.85076 > 0.85
    [InlineData(10, 2, 15, false)] // 0.98^9 = 0.83375 < 0.85
    [InlineData(1, 50, 1, true)] // one step: nothing below the first
    public void StepsFitAboveStop_ComparesTheDeepestStepWithTheStop(int steps, int trigger, int stop, bool expected)
    {
        DcaMath.StepsFitAboveStop(steps, trigger, stop).ShouldBe(expected);
    }

    [Fact]
    public void OnBar_DropOfTriggerFromTheHigh_AsksForStepOneAsALimitAtTheTriggerPrice()
    {
        var strategy = Create("dca", Timeframe.H1);

        var signals = Run(strategy, Btc, Timeframe.H1, FromCloses(Timeframe.H1, 100m, 99m, 98m));

        signals.Count.ShouldBe(1);
        var step = signals[0];
        StrategySignals.IsLimitEntry(step).ShouldBeTrue();
        step.Side.ShouldBe(PositionSide.Long);
        step.Entry.ShouldBe(98m);
        step.CreatedAtMs.ShouldBe(Start + (3 * Timeframe.HourMs));
        step.Confidence.ShouldBe(1.0);
        step.Metadata[DcaStrategy.StepKey].ShouldBe(1);
        step.Metadata["dca_step_amount"].ShouldBe(100m);
        step.Exits!.StopPrice.ShouldBe(83.3m);
        step.Exits.TakeProfits.Length.ShouldBe(1);
        step.Exits.TakeProfits[0].Fraction.ShouldBe(1m);
        step.Exits.TakeProfits[0].AtR.ShouldBe(0.2m, 1e-20m); // (98 × 1.03 − 98) / (98 − 83.3) = 2.94 / 14.7
    }

    [Fact]
    public void OnBar_JustAboveTheTrigger_DoesNothing()
    {
        Run(Create("dca", Timeframe.H1), Btc, Timeframe.H1, FromCloses(Timeframe.H1, 100m, 98.01m, 98.01m)).ShouldBeEmpty();
    }

    [Fact]
    public void OnBar_FirstBar_OnlySetsTheHigh_SoTheEarliestStepIsOnBarTwo()
    {
        var strategy = Create("dca", Timeframe.H1);
        strategy.WarmUpBars.ShouldBe(2);

        Run(strategy, Btc, Timeframe.H1, FromCloses(Timeframe.H1, 100m)).ShouldBeEmpty();
        strategy.Reset();
        var signals = Run(strategy, Btc, Timeframe.H1, FromCloses(Timeframe.H1, 100m, 98m));

        signals.Count.ShouldBe(1);
        signals[0].CreatedAtMs.ShouldBe(Start + (2 * Timeframe.HourMs));
    }

    [Fact]
    public void OnBar_WhileAStepIsPending_AsksForNoOther()
    {
        var signals = Run(Create("dca", Timeframe.H1), Btc, Timeframe.H1, FromCloses(Timeframe.H1, 100m, 98m, 95m, 90m, 85m));

        signals.Count.ShouldBe(1);
    }

    [Fact]
    public void Hooks_AfterAFill_NextStepTriggersTriggerPercentBelowTheFill()
    {
        var (strategy, sink) = WithFirstStepFilled();

        Feed(strategy, sink, 4, 96.05m);
        sink.Signals.ShouldBeEmpty();
        Feed(strategy, sink, 5, 96.04m);

        sink.Signals.Count.ShouldBe(1);
        sink.Signals[0].Entry.ShouldBe(96.04m);
        sink.Signals[0].Metadata[DcaStrategy.StepKey].ShouldBe(2);
        sink.Signals[0].Confidence.ShouldBe(0.8); // 1 − 1/5
        sink.Signals[0].Exits!.StopPrice.ShouldBe(83.3m); // the same stop for every step
        var projected = 2m / ((1m / 98m) + (1m / 96.04m));
        ((decimal)sink.Signals[0].Metadata["dca_average_entry"]).ShouldBe(projected, 1e-20m);
    }

    [Fact]
    public void Hooks_AverageOfTheOpenSteps_SetsTheTakeProfitExit()
    {
        var (strategy, sink) = WithFirstStepFilled();
        Feed(strategy, sink, 4, 96.04m);
        Open(strategy, sink, "t2", 1m, 96.04m, sink.Signals[0]);
        sink.Signals.Clear();

        var state = strategy.GetState(Btc);
        state.AverageEntry.ShouldBe(97.02m); // (98 + 96.04) / 2
        state.TakeProfitPrice.ShouldBe(99.9306m); // 97.02 × 1.03
        (state.OpenSteps, state.PendingSteps, state.LastBuyPrice, state.StopPrice, state.TotalSteps).ShouldBe((2, 0, 96.04m, 83.3m, 2));

        Feed(strategy, sink, 5, 99.93m);
        sink.Signals.ShouldBeEmpty();
        Feed(strategy, sink, 6, 99.9306m);
        Feed(strategy, sink, 7, 101m); // the exit is asked for once

        sink.Signals.Count.ShouldBe(1);
        StrategySignals.IntentOf(sink.Signals[0]).ShouldBe(SignalIntent.Exit);
        sink.Signals[0].Side.ShouldBe(PositionSide.Long);
        sink.Signals[0].Reason.ShouldStartWith("dca take-profit");
    }

    [Fact]
    public void Hooks_UnequalStepQuantities_WeighTheAverage()
    {
        var (strategy, sink) = WithFirstStepFilled();
        Feed(strategy, sink, 4, 96.04m);
        Open(strategy, sink, "t2", 2m, 96.04m, sink.Signals[0]);

        strategy.GetState(Btc).AverageEntry.ShouldBe((98m + 192.08m) / 3m);
        strategy.GetState(Btc).OpenQuantity.ShouldBe(3m);
    }

    [Fact]
    public void OnBar_AtTheStop_ExitsEveryStep()
    {
        var (strategy, sink) = WithFirstStepFilled("max_steps=1");

        Feed(strategy, sink, 4, 83.31m);
        sink.Signals.ShouldBeEmpty(); // one step only: no further step, and above the stop
        Feed(strategy, sink, 5, 83.3m);

        sink.Signals.Count.ShouldBe(1);
        StrategySignals.IntentOf(sink.Signals[0]).ShouldBe(SignalIntent.Exit);
        sink.Signals[0].Reason.ShouldStartWith("dca stop");
    }

    [Fact]
    public void OnBar_AfterMaxSteps_AsksForNoMore()
    {
        var (strategy, sink) = WithFirstStepFilled("max_steps=2");
        Feed(strategy, sink, 4, 96.04m);
        Open(strategy, sink, "t2", 1m, 96.04m, sink.Signals[0]);
        sink.Signals.Clear();

        Feed(strategy, sink, 5, 94.1192m); // 96.04 × 0.98: would be step 3

        sink.Signals.ShouldBeEmpty();
    }

    [Fact]
    public void Hooks_EveryStepClosed_EndsTheCycleAndTheNextStartsFromTheLastClose()
    {
        var (strategy, sink) = WithFirstStepFilled();
        Feed(strategy, sink, 4, 96.04m);
        var step2 = Open(strategy, sink, "t2", 1m, 96.04m, sink.Signals[0]);
        var step1 = new StrategyPosition("t1", Btc, PositionSide.Long, 1m, 98m, Start, sink.Signals[0]);
        Feed(strategy, sink, 5, 100m);
        sink.Signals.Clear();

        strategy.OnPositionClosed(new ClosedStrategyPosition(step1, 100m, 1.9m, Start + (6 * Timeframe.HourMs), "signal"), sink);
        strategy.GetState(Btc).OpenSteps.ShouldBe(1);
        strategy.OnPositionClosed(new ClosedStrategyPosition(step2, 100m, 3.8m, Start + (6 * Timeframe.HourMs), "signal"), sink);

        var state = strategy.GetState(Btc);
        (state.OpenSteps, state.Cycles, state.RealizedProfit, state.HighestPrice, state.StopPrice).ShouldBe((0, 1, 5.7m, 100m, 0m));
        Feed(strategy, sink, 6, 98m); // 2 % below the new reference 100
        sink.Signals.Count.ShouldBe(1);
        sink.Signals[0].Metadata[DcaStrategy.StepKey].ShouldBe(1);
    }

    [Fact]
    public void Hooks_RejectedFirstStep_ReturnsToFlatAndAsksAgainAfterRetryBars()
    {
        // Refused after the 2nd bar with retry_bars = 2: the 3rd bar does not ask again, the 4th does.
        var strategy = (DcaStrategy)Create("dca", Timeframe.H1, "retry_bars=2");
        var sink = new SignalList();
        Feed(strategy, sink, 0, 100m);
        Feed(strategy, sink, 1, 98m);

        strategy.OnEntryRejected(sink.Signals[0], "risk: no cash", sink);
        Feed(strategy, sink, 2, 97m);
        sink.Signals.Count.ShouldBe(1);
        Feed(strategy, sink, 3, 97m);

        sink.Signals.Count.ShouldBe(2); // asked again: flat, still 2 % or more below the high of 100
        sink.Signals[1].Metadata[DcaStrategy.StepKey].ShouldBe(1);
    }

    [Fact]
    public void Create_StepsReachingTheStop_IsRejectedNamingTheParameters()
    {
        Should.Throw<ArgumentException>(() => Create("dca", Timeframe.H1, "max_steps=10"))
            .Message.ShouldBe("strategy dca: max_steps = 10 steps trigger_pct = 2% apart reach the stop stop_pct = 15% below the first step; lower max_steps or trigger_pct, or raise stop_pct");
    }

    [Fact]
    public void Descriptor_AveragesDown_SoNoMartingaleRefusesIt()
    {
        var descriptor = StrategyRegistry.BuiltIn.Get("dca");
        var governance = ConfigLoader.LoadDirectory(Repository.ConfigsDirectory).Governance;
        governance.NoMartingale.ShouldBeTrue(); // the shipped default

        descriptor.AveragesDown.ShouldBeTrue();
        descriptor.Origin.ShouldBe("seed 003");
        descriptor.MaxOpenTradesPerSymbol.ShouldBe(DcaStrategy.MaxStepsLimit);
        var refusal = StrategyStartCheck.Refusal(descriptor, governance);
        refusal.ShouldNotBeNull();
        refusal.ShouldContain("strategy dca averages down");
        refusal.ShouldContain("no_martingale: false");
        StrategyStartCheck.Refusal(descriptor, governance with { NoMartingale = false }).ShouldBeNull();
        StrategyStartCheck.Refusal(StrategyRegistry.BuiltIn.Get("grid"), governance).ShouldBeNull();
    }

    [Fact]
    public void Signals_OnRealData_HaveNoLookAhead()
    {
        var bars = RealData.Perp1h("ETHUSDT", 2000);

        var count = AssertNoLookAhead(() => Create("dca", Timeframe.H1), Btc, Timeframe.H1, bars, [1, 2, 50, 500, 1999]);

        count.ShouldBeGreaterThan(0);
    }

    private static (DcaStrategy Strategy, SignalList Sink) WithFirstStepFilled(params string[] assignments)
    {
        var strategy = (DcaStrategy)Create("dca", Timeframe.H1, assignments);
        var sink = new SignalList();
        Feed(strategy, sink, 0, 100m);
        Feed(strategy, sink, 1, 99m);
        Feed(strategy, sink, 2, 98m);
        Feed(strategy, sink, 3, 98.5m);
        Open(strategy, sink, "t1", 1m, 98m, sink.Signals.Single());
        sink.Signals.Clear();
        return (strategy, sink);
    }

    private static StrategyPosition Open(DcaStrategy strategy, SignalList sink, string tradeId, decimal quantity, decimal price, Signal entry)
    {
        var position = new StrategyPosition(tradeId, Btc, PositionSide.Long, quantity, price, entry.CreatedAtMs, entry);
        strategy.OnPositionOpened(position, sink);
        return position;
    }

    private static void Feed(IStrategy strategy, ISignalSink sink, int index, decimal close) =>
        strategy.OnBar(Btc, Timeframe.H1, new Bar(Start + (index * Timeframe.HourMs), close, close, close, close, 1m), sink);
}
