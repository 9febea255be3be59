using Quorum.Core.Time;
using Quorum.Execution.Engine;
using static Quorum.Execution.Tests.Engine.EngineTestData;

namespace Quorum.Execution.Tests.Engine;

/// <summary>The merge's order, hand-listed: event time = bar close / funding time; at one instant bars before funding, finer timeframe first, then registration order.</summary>
public sealed class MergeOrderTests
{
    [Fact]
    public void Run_With1m1h4hAndFundingOnTwoSymbols_DeliversTheHandListedSequence()
    {
        // Registered deliberately out of timeframe order: A 4h, B 1h, A 1h, B 1m, A 1m; funding of B.
        var replay = new MarketReplay()
            .AddBars(new BarStream(Btc, Timeframe.H4, Bars(Timeframe.H4, At(0, 0), 1), BarRole.Deliver))
            .AddBars(new BarStream(Eth, Timeframe.H1, Bars(Timeframe.H1, At(3, 0), 1), BarRole.Deliver))
            .AddBars(new BarStream(Btc, Timeframe.H1, Bars(Timeframe.H1, At(3, 0), 1), BarRole.Deliver))
            .AddBars(new BarStream(Eth, Timeframe.M1, Bars(Timeframe.M1, At(3, 57), 5), BarRole.MatchAndDeliver))
            .AddBars(new BarStream(Btc, Timeframe.M1, Bars(Timeframe.M1, At(3, 57), 5), BarRole.MatchAndDeliver))
            .AddFunding(Eth, [Funding(Eth, At(4, 0)), Funding(Eth, At(4, 1) + 30_000)]);
        var clock = new SimulatedClock(At(3, 57));
        var target = new RecordingTarget(clock);

        var result = new BacktestLoop(clock, new EngineScheduler(clock)).Run(replay, target, cancellationToken: TestContext.Current.CancellationToken);

        target.Lines.ShouldBe(
        [
            "03:58 BINANCE:ETHUSDT.P 1m@03:57 MatchAndDeliver",
            "03:58 BINANCE:BTCUSDT 1m@03:57 MatchAndDeliver",
            "03:59 BINANCE:ETHUSDT.P 1m@03:58 MatchAndDeliver",
            "03:59 BINANCE:BTCUSDT 1m@03:58 MatchAndDeliver",
            "04:00 BINANCE:ETHUSDT.P 1m@03:59 MatchAndDeliver", // the 1m bars closing at 04:00 first,
            "04:00 BINANCE:BTCUSDT 1m@03:59 MatchAndDeliver",
            "04:00 BINANCE:ETHUSDT.P 1h@03:00 Deliver", // then the 1h bars (registration order: B before A),
            "04:00 BINANCE:BTCUSDT 1h@03:00 Deliver",
            "04:00 BINANCE:BTCUSDT 4h@00:00 Deliver", // then the 4h bar,
            "04:00 funding BINANCE:ETHUSDT.P", // then funding at the same instant
            "04:01 BINANCE:ETHUSDT.P 1m@04:00 MatchAndDeliver",
            "04:01 BINANCE:BTCUSDT 1m@04:00 MatchAndDeliver",
            "04:01 funding BINANCE:ETHUSDT.P", // 04:01:30, between bar closes
            "04:02 BINANCE:ETHUSDT.P 1m@04:01 MatchAndDeliver",
            "04:02 BINANCE:BTCUSDT 1m@04:01 MatchAndDeliver",
        ]);
        target.Events.ShouldAllBe(e => e.ClockMs == e.EventTimeMs);
        result.ShouldBe(new ReplayResult(Events: 15, Bars: 13, FundingEvents: 2, FirstEventTimeMs: At(3, 58), LastEventTimeMs: At(4, 2), EndTimeMs: At(4, 2), TimersFired: 0));
    }

    [Fact]
    public void Run_HourBarOpening1000_IsDeliveredAt1100_AfterTheMinuteBarOpening1059()
    {
        var replay = new MarketReplay()
            .AddBars(new BarStream(Btc, Timeframe.H1, Bars(Timeframe.H1, At(10, 0), 1), BarRole.Deliver))
            .AddBars(new BarStream(Btc, Timeframe.M1, Bars(Timeframe.M1, At(10, 0), 60), BarRole.MatchAndDeliver));
        var clock = new SimulatedClock(At(10, 0));
        var target = new RecordingTarget(clock);

        new BacktestLoop(clock, new EngineScheduler(clock)).Run(replay, target, cancellationToken: TestContext.Current.CancellationToken);

        target.Events.Count.ShouldBe(61);
        target.Events[^2].ToString().ShouldBe("11:00 BINANCE:BTCUSDT 1m@10:59 MatchAndDeliver");
        target.Events[^1].ToString().ShouldBe("11:00 BINANCE:BTCUSDT 1h@10:00 Deliver");
    }

    [Fact]
    public void Run_StreamWithGaps_DeliversEachBarAtItsOwnCloseTime()
    {
        // 1m bars at 00:00, 00:01, (gap) 00:05, 00:06, (gap) 00:10: the merge steps through runs without reading bars, so gaps must still be honored.
        long[] opens = [At(0, 0), At(0, 1), At(0, 5), At(0, 6), At(0, 10)];
        var replay = new MarketReplay()
            .AddBars(new BarStream(Btc, Timeframe.M1, opens.Select(Bar).ToArray(), BarRole.MatchAndDeliver))
            .AddBars(new BarStream(Eth, Timeframe.M1, Bars(Timeframe.M1, At(0, 0), 12), BarRole.MatchAndDeliver));
        var clock = new SimulatedClock(At(0, 0));
        var target = new RecordingTarget(clock);

        new BacktestLoop(clock, new EngineScheduler(clock)).Run(replay, target, cancellationToken: TestContext.Current.CancellationToken);

        target.Events.Where(e => e.Symbol == Btc).Select(e => e.ClockMs).ShouldBe(opens.Select(o => o + Timeframe.MinuteMs));
        target.Events.Select(e => e.ClockMs).ShouldBeInOrder(SortDirection.Ascending);
        target.Events.ShouldAllBe(e => e.ClockMs == e.EventTimeMs);
    }

    [Fact]
    public void Run_OnASliceOfAnArray_ReplaysOnlyTheSlice()
    {
        var bars = Bars(Timeframe.M5, At(0, 0), 10);
        var replay = new MarketReplay().AddBars(new BarStream(Btc, Timeframe.M5, bars.AsMemory(3, 4), BarRole.MatchAndDeliver));
        var clock = new SimulatedClock(At(0, 0));
        var target = new RecordingTarget(clock);

        new BacktestLoop(clock, new EngineScheduler(clock)).Run(replay, target, cancellationToken: TestContext.Current.CancellationToken);

        target.Events.Select(e => e.OpenTimeMs).ShouldBe([At(0, 15), At(0, 20), At(0, 25), At(0, 30)]);
    }

    [Fact]
    public void Run_EmptyReplay_DeliversNothingAndEndsWhereTheClockStood()
    {
        var clock = new SimulatedClock(At(1, 0));
        var result = new BacktestLoop(clock, new EngineScheduler(clock)).Run(new MarketReplay(), new RecordingTarget(clock), cancellationToken: TestContext.Current.CancellationToken);

        result.ShouldBe(new ReplayResult(0, 0, 0, null, null, At(1, 0), 0));
    }

    [Fact]
    public void Run_WhenTheClockStandsAfterTheFirstEvent_Throws()
    {
        var replay = new MarketReplay().AddBars(new BarStream(Btc, Timeframe.M1, Bars(Timeframe.M1, At(0, 0), 3), BarRole.MatchAndDeliver));
        var clock = new SimulatedClock(At(0, 5));

        var error = Should.Throw<InvalidOperationException>(() => new BacktestLoop(clock, new EngineScheduler(clock)).Run(replay, new RecordingTarget(clock), cancellationToken: TestContext.Current.CancellationToken));

        error.Message.ShouldContain("after the first event at");
        error.Message.ShouldContain("2021-01-01 00:01:00Z");
    }
}
