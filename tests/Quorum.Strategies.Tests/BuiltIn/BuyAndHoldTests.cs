using Quorum.Core.Time;
using Quorum.Core.Trading;
using static Quorum.Strategies.Tests.StrategyHarness;

namespace Quorum.Strategies.Tests.BuiltIn;

public sealed class BuyAndHoldTests
{
    [Fact]
    public void OnBar_EntersOnceAtTheFirstBarOfEachSymbol_AndNeverExits()
    {
        var strategy = StrategyRegistry.BuiltIn.Create("buy_and_hold", Array.Empty<string>(), new StrategyUniverse([Btc, Eth], Timeframe.H4));
        var sink = new SignalList();
        var btc = FromCloses(Timeframe.H4, 100m, 90m, 80m, 120m);
        var eth = FromCloses(Timeframe.H4, 5m, 6m, 7m, 8m);

        for (var i = 1; i < btc.Length; i++)
        {
            strategy.OnBar(Btc, Timeframe.H4, btc[i], sink);
            strategy.OnBar(Eth, Timeframe.H4, eth[i], sink);
        }

        sink.Signals.Count.ShouldBe(2);
        sink.Signals[0].Symbol.ShouldBe(Btc);
        sink.Signals[0].Entry.ShouldBe(90m); // the first bar it saw was btc[1]
        sink.Signals[0].CreatedAtMs.ShouldBe(Start + (2 * Timeframe.H4.Milliseconds));
        sink.Signals[1].Symbol.ShouldBe(Eth);
        sink.Signals.ShouldAllBe(s => s.Side == PositionSide.Long && StrategySignals.IntentOf(s) == SignalIntent.Entry);
    }

    [Fact]
    public void Reset_AllowsTheEntryAgain()
    {
        var strategy = Create("buy_and_hold", Timeframe.H1);
        var bars = FromCloses(Timeframe.H1, 1m, 2m);
        Run(strategy, Btc, Timeframe.H1, bars).Count.ShouldBe(1);

        strategy.Reset();

        Run(strategy, Btc, Timeframe.H1, bars).Count.ShouldBe(1);
    }
}
