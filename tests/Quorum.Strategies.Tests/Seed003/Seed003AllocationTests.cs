using Quorum.Core.MarketData;
using Quorum.Core.Time;
using static Quorum.Strategies.Tests.StrategyHarness;

namespace Quorum.Strategies.Tests.Seed003;

public sealed class Seed003AllocationTests
{
    [Theory]
    [InlineData("trend_follower", "1h")]
    [InlineData("smc", "15m")]
    [InlineData("grid", "1h")]
    [InlineData("dca", "1h")]
    public void OnBar_WhenNoSignalFires_AllocatesNothing(string name, string timeframeText)
    {
        // A quiet market (the same bar shape over and over): after a first pass (warm-up, the grid's first orders, JIT),
        // a second pass emits nothing and must not touch the heap.
        var timeframe = Timeframe.Parse(timeframeText);
        var strategy = Create(name, timeframe);
        var sink = new SignalList();
        var bars = Enumerable.Range(0, 400)
            .Select(i => new Bar(Start + (i * timeframe.Milliseconds), 100m, 100.5m, 99.5m, 100m, 10m))
            .ToArray();
        for (var i = 0; i < 200; i++)
        {
            strategy.OnBar(Btc, timeframe, bars[i], sink);
        }

        var before = sink.Signals.Count;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 200; i < bars.Length; i++)
        {
            strategy.OnBar(Btc, timeframe, bars[i], sink);
        }

        var after = GC.GetAllocatedBytesForCurrentThread();
        sink.Signals.Count.ShouldBe(before);
        (after - allocated).ShouldBe(0);
    }
}
