using Quorum.Core.Instruments;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Strategies.Cluster;
using static Quorum.Strategies.Tests.StrategyHarness;

namespace Quorum.Strategies.Tests.Cluster;

public sealed class ClusterEngineTests
{
    private const long Minute = Timeframe.MinuteMs;

    private static Signal Vote(string strategy, long atMs, double confidence = 0.5, PositionSide side = PositionSide.Long, Symbol? symbol = null, ExitSpec? exits = null) =>
        new(symbol ?? Btc, side, strategy, confidence, atMs, entry: 100m, timeframe: Timeframe.M15, metadata: [KeyValuePair.Create<string, object>(StrategySignals.IntentKey, "entry")], exits: exits);

    [Fact]
    public void Add_WhenTwoStrategiesAgree_EmitsOneSignalWithTheMeanConfidenceAndTheClusterMetadata()
    {
        var engine = new ClusterEngine(30 * Minute, 2);
        var div = Vote("div", Start, 0.6);
        var eng = Vote("eng", Start + (15 * Minute), 0.8);

        engine.Add(div).ShouldBeNull();
        var cluster = engine.Add(eng).ShouldNotBeNull();

        cluster.Strategy.ShouldBe("cluster");
        cluster.Symbol.ShouldBe(Btc);
        cluster.Side.ShouldBe(PositionSide.Long);
        cluster.CreatedAtMs.ShouldBe(Start + (15 * Minute));
        cluster.Confidence.ShouldBe(0.7, 1e-12); // (0.6 + 0.8) / 2
        cluster.Metadata["cluster_size"].ShouldBe(2);
        cluster.Metadata["strategies"].ShouldBe("div,eng");
        ((ClusterSources)cluster.Metadata["source_signals"]).ShouldBe([div, eng]);
        StrategySignals.IntentOf(cluster).ShouldBe(SignalIntent.Entry);
    }

    [Fact]
    public void Add_BelowTheThreshold_EmitsNothing_AndTheNthStrategyCompletesIt()
    {
        var engine = new ClusterEngine(60 * Minute, 3);

        engine.Add(Vote("div", Start)).ShouldBeNull();
        engine.Add(Vote("eng", Start + Minute)).ShouldBeNull();
        var cluster = engine.Add(Vote("brk", Start + (2 * Minute))).ShouldNotBeNull();

        cluster.Metadata["cluster_size"].ShouldBe(3);
        cluster.Metadata["strategies"].ShouldBe("brk,div,eng");
    }

    [Fact]
    public void Add_RepeatedSignalsOfOneStrategy_CountOnce()
    {
        var engine = new ClusterEngine(60 * Minute, 2);

        engine.Add(Vote("div", Start)).ShouldBeNull();
        engine.Add(Vote("div", Start + (15 * Minute))).ShouldBeNull();
        engine.Add(Vote("div", Start + (30 * Minute))).ShouldBeNull();
        engine.MembersAt(Btc, PositionSide.Long, Start + (30 * Minute)).ShouldBe(["div"]);
    }

    [Fact]
    public void Add_GroupsBySymbolAndSide()
    {
        var engine = new ClusterEngine(60 * Minute, 2);

        engine.Add(Vote("div", Start)).ShouldBeNull();
        engine.Add(Vote("eng", Start, side: PositionSide.Short)).ShouldBeNull();
        engine.Add(Vote("brk", Start, symbol: Eth)).ShouldBeNull();
        engine.Add(Vote("pin", Start, side: PositionSide.Short)).ShouldNotBeNull().Side.ShouldBe(PositionSide.Short);
    }

    [Theory]
    [InlineData(30, true)] // exactly the window apart: still together (inclusive)
    [InlineData(31, false)] // one minute more: the first has expired
    public void Add_WindowEdge(int minutesApart, bool clusters)
    {
        var engine = new ClusterEngine(30 * Minute, 2);

        engine.Add(Vote("div", Start));
        var result = engine.Add(Vote("eng", Start + (minutesApart * Minute)));

        (result is not null).ShouldBe(clusters);
    }

    [Fact]
    public void Add_AfterEmitting_DoesNotReEmitUntilTheClusterExpiresAndReforms()
    {
        var engine = new ClusterEngine(30 * Minute, 2);
        engine.Add(Vote("div", Start));
        engine.Add(Vote("eng", Start + Minute)).ShouldNotBeNull();

        engine.Add(Vote("brk", Start + (2 * Minute))).ShouldBeNull(); // joins the emitted cluster
        engine.Add(Vote("div", Start + (20 * Minute))).ShouldBeNull(); // refreshes it
        engine.Add(Vote("pin", Start + (25 * Minute))).ShouldBeNull();
        engine.Add(Vote("ins", Start + (45 * Minute))).ShouldBeNull(); // eng and brk expired, div (20′) + pin (25′) kept it at 2: the same cluster

        // At 80′ everything older than 50′ has expired: the cluster fell below 2 and re-forms with ins + the new eng.
        engine.Add(Vote("ins", Start + (80 * Minute))).ShouldBeNull();
        engine.MembersAt(Btc, PositionSide.Long, Start + (80 * Minute)).ShouldBe(["ins"]);
        engine.Add(Vote("eng", Start + (81 * Minute))).ShouldNotBeNull().Metadata["strategies"].ShouldBe("eng,ins");
    }

    [Fact]
    public void Add_TheClusterTakesTheExitsOfTheMostConfidentMember()
    {
        var engine = new ClusterEngine(30 * Minute, 2);
        var tight = new ExitSpec(stopPrice: 95m, trail: TrailSpec.DefaultPercent);
        var wide = new ExitSpec(stopAtrMultiple: 2m);

        engine.Add(Vote("div", Start, 0.9, exits: tight));
        var cluster = engine.Add(Vote("eng", Start, 0.4, exits: wide)).ShouldNotBeNull();

        cluster.Exits.ShouldBe(tight);
    }

    [Fact]
    public void Add_IgnoresExitSignals()
    {
        var engine = new ClusterEngine(30 * Minute, 2);
        var exit = new Signal(Btc, PositionSide.Long, "eng", 1.0, Start, metadata: [KeyValuePair.Create<string, object>(StrategySignals.IntentKey, "exit")]);

        engine.Add(Vote("div", Start));
        engine.Add(exit).ShouldBeNull();
        engine.MembersAt(Btc, PositionSide.Long, Start).ShouldBe(["div"]);
    }

    [Fact]
    public void Add_WhenTimeGoesBackwards_Throws()
    {
        var engine = new ClusterEngine(30 * Minute, 2);
        engine.Add(Vote("div", Start + Minute));

        Should.Throw<ArgumentOutOfRangeException>(() => engine.Add(Vote("eng", Start))).Message.ShouldContain("older than the last one");
    }

    [Fact]
    public void Add_SameSignalsInTheSameOrder_GiveEqualClusters()
    {
        Signal? Once()
        {
            var engine = new ClusterEngine(30 * Minute, 2);
            engine.Add(Vote("div", Start, 0.3));
            return engine.Add(Vote("eng", Start + Minute, 0.9));
        }

        Once().ShouldBe(Once());
    }
}
