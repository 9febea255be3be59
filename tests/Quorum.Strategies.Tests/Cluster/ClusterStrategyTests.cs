using Quorum.Core.Time;
using Quorum.Strategies.Cluster;
using Quorum.Strategies.Tests.Workers;
using Quorum.Strategies.Workers;
using static Quorum.Strategies.Tests.Seed000.Seed000Bars;
using static Quorum.Strategies.Tests.StrategyHarness;

namespace Quorum.Strategies.Tests.Cluster;

public sealed class ClusterStrategyTests
{
    private static readonly (decimal, decimal, decimal, decimal) Flat = (100m, 101m, 99m, 100m);

    private static ClusterStrategy Over(params IStrategy[] modules) => new(
        StrategyParameters.Resolve(
            ClusterStrategy.StrategyName,
            ClusterStrategy.Descriptor.Parameters,
            [KeyValuePair.Create("window_minutes", "30"), KeyValuePair.Create("min_strategies", "2"), KeyValuePair.Create("restart_minutes", "30")]),
        new StrategyUniverse([Btc], Timeframe.M15),
        modules);

    [Fact]
    public void Registry_Cluster_RunsTheFiveModulesOnTheSeed000Timeframes()
    {
        var descriptor = StrategyRegistry.BuiltIn.Get("cluster");
        var strategy = (ClusterStrategy)StrategyHarness.Create("cluster", Timeframe.M15);

        descriptor.Origin.ShouldBe("seed 000");
        descriptor.Timeframes.ShouldBe([Timeframe.M15, Timeframe.H1]);
        strategy.Subscriptions.ShouldBe([new(Btc, Timeframe.M15), new(Btc, Timeframe.H1)]);
        strategy.Health().Select(h => h.Module).ShouldBe(["div", "pin", "eng", "brk", "ins"]);
        strategy.Health().ShouldAllBe(h => h.State == ModuleHealthState.Idle);
    }

    [Fact]
    public void OnBar_OnlyTheAggregatedSignalComesOut()
    {
        var a = new ScriptedModule("a") { SignalAt = [1, 2], Confidence = 0.4 };
        var b = new ScriptedModule("b") { SignalAt = [2], Confidence = 0.8 };
        var strategy = Over(a, b);

        var signals = Run15(strategy, Ohlc(Flat, Flat, Flat, Flat));

        var cluster = signals.ShouldHaveSingleItem();
        cluster.Strategy.ShouldBe("cluster");
        cluster.CreatedAtMs.ShouldBe(CloseOf(2));
        cluster.Confidence.ShouldBe(0.6, 1e-12);
        cluster.Metadata["strategies"].ShouldBe("a,b");
    }

    [Fact]
    public void OnBar_AThrowingModule_IsSkippedWhileTheOthersStillCluster_AndRestartsAfterItsBackoffInEngineTime()
    {
        // b throws on bar 1 (closing at +30′): restart at +30′ + 30′ = +60′, the close of bar 3; bar 2 is skipped.
        var a = new ScriptedModule("a") { SignalAt = [2] };
        var b = new ScriptedModule("b") { SignalAt = [2], ThrowAt = [1] };
        var c = new ScriptedModule("c") { SignalAt = [2] };
        var strategy = Over(a, b, c);
        var faults = new List<ModuleFault>();
        strategy.FaultLog = faults.Add;
        var bars = Ohlc(Flat, Flat, Flat, Flat);

        var signals = Run15(strategy, bars[..3]);

        signals.ShouldHaveSingleItem().Metadata["strategies"].ShouldBe("a,c");
        var fault = faults.ShouldHaveSingleItem();
        fault.Module.ShouldBe("b");
        fault.Operation.ShouldBe("on_bar");
        fault.BarOpenTimeMs.ShouldBe(bars[1].OpenTimeMs);
        fault.RetryAtMs.ShouldBe(CloseOf(1) + (30 * Timeframe.MinuteMs));
        var health = strategy.Health()[1];
        health.State.ShouldBe(ModuleHealthState.Error);
        health.BarsSkipped.ShouldBe(1);
        health.LastError.ShouldBe("InvalidOperationException: b fails on bar 1");
        b.Seen.ShouldBe([bars[0].OpenTimeMs, bars[1].OpenTimeMs]);

        strategy.OnBar(Btc, M15, bars[3], new SignalList());

        b.Resets.ShouldBe(1);
        strategy.Health()[1].ShouldSatisfyAllConditions(
            h => h.State.ShouldBe(ModuleHealthState.Ok),
            h => h.Restarts.ShouldBe(1),
            h => h.LastBarTimeMs.ShouldBe(CloseOf(3)));
        strategy.Health()[0].State.ShouldBe(ModuleHealthState.Ok);
    }

    [Fact]
    public void OnBar_SignalsOfTheBarAModuleThrowsOn_AreDropped()
    {
        var a = new ScriptedModule("a") { SignalAt = [1] };
        var b = new ScriptedModule("b") { SignalAt = [1], ThrowAt = [1] };

        Run15(Over(a, b), Ohlc(Flat, Flat, Flat)).ShouldBeEmpty();
    }

    [Fact]
    public void OnASyntheticYear_NoModuleFails_AndEveryModuleSignals()
    {
        var market = Data.Synthetic.SyntheticMarketGenerator.Generate(Data.Synthetic.DemoDataset.Options, cancellationToken: TestContext.Current.CancellationToken).GetSeries(Data.Synthetic.DemoDataset.Btc);
        var strategy = (ClusterStrategy)StrategyRegistry.BuiltIn.Create("cluster", (IEnumerable<string>?)null, new StrategyUniverse([Data.Synthetic.DemoDataset.Btc], Timeframe.M15));

        var signals = RunResampled(strategy, Data.Synthetic.DemoDataset.Btc, Timeframe.M5, market.Span.ToArray());

        signals.ShouldNotBeEmpty();
        strategy.Health().ShouldAllBe(h => h.LastError == null && h.State == ModuleHealthState.Ok);
        strategy.Health().Where(h => h.Module != "eng").ShouldAllBe(h => h.SignalsEmitted > 0); // eng: see docs (gapless synthetic opens)
    }

    [Fact]
    public void Parameters_MinStrategiesAboveTheModuleCount_AreRefused()
    {
        var parameters = StrategyParameters.Resolve("cluster", ClusterStrategy.Descriptor.Parameters, [KeyValuePair.Create("min_strategies", "3")]);

        Should.Throw<ArgumentException>(() => new ClusterStrategy(parameters, new StrategyUniverse([Btc], Timeframe.M15), [new ScriptedModule("a"), new ScriptedModule("b")]))
            .Message.ShouldContain("min_strategies = 3 exceeds the 2 modules");
    }

    [Fact]
    public void OnRealData_ClusterSignalsAgreeWithTheModules_AndHaveNoLookAhead()
    {
        var bars = RealBtc5m(12_000);
        IStrategy Make() => StrategyHarness.Create("cluster", Timeframe.M5, "min_strategies=2", "window_minutes=60");

        var count = AssertNoLookAhead(Make, Btc, Timeframe.M5, bars, Cuts(bars.Length));
        var signals = RunResampled(Make(), Btc, Timeframe.M5, bars);

        count.ShouldBeGreaterThan(0);
        signals.ShouldAllBe(s => (int)s.Metadata["cluster_size"] >= 2 && s.Strategy == "cluster");
        foreach (var signal in signals)
        {
            var sources = (ClusterSources)signal.Metadata["source_signals"];
            sources.ShouldAllBe(m => m.Side == signal.Side && signal.CreatedAtMs - m.CreatedAtMs <= 60 * Timeframe.MinuteMs);
            signal.Confidence.ShouldBe(sources.Average(m => m.Confidence), 1e-12);
        }
    }
}
