using Quorum.Core.Time;
using Quorum.Execution.Engine;
using static Quorum.Execution.Tests.Engine.EngineTestData;

namespace Quorum.Execution.Tests.Engine;

/// <summary>The backtest rule: timers due strictly before an event's time fire before it; timers due exactly at t fire after all events at t.</summary>
public sealed class TimerEventOrderTests
{
    [Fact]
    public void Run_FifteenMinuteTask_SeesThe15mBarThatClosedAtTheSameInstant_AndAnEarlierTimerFiresBeforeTheBar()
    {
        var replay = new MarketReplay()
            .AddBars(new BarStream(Btc, Timeframe.M15, Bars(Timeframe.M15, At(12, 0), 2), BarRole.MatchAndDeliver))
            .AddBars(new BarStream(Btc, Timeframe.M5, Bars(Timeframe.M5, At(12, 0), 6), BarRole.Deliver));
        var clock = new SimulatedClock(At(12, 0));
        var scheduler = new EngineScheduler(clock);
        var target = new RecordingTarget(clock);
        scheduler.Every(15 * Timeframe.MinuteMs, target.Timer("15m task"));
        scheduler.Schedule(At(12, 14), target.Timer("time stop"));

        new BacktestLoop(clock, scheduler).Run(replay, target, cancellationToken: TestContext.Current.CancellationToken);

        target.Lines.ShouldBe(
        [
            "12:05 BINANCE:BTCUSDT 5m@12:00 Deliver",
            "12:10 BINANCE:BTCUSDT 5m@12:05 Deliver",
            "12:14 timer time stop", // due 12:14 < 12:15: before the bars of 12:15, with the clock at 12:14
            "12:15 BINANCE:BTCUSDT 5m@12:10 Deliver",
            "12:15 BINANCE:BTCUSDT 15m@12:00 MatchAndDeliver",
            "12:15 timer 15m task", // due exactly 12:15: after every bar that closed at 12:15
            "12:20 BINANCE:BTCUSDT 5m@12:15 Deliver",
            "12:25 BINANCE:BTCUSDT 5m@12:20 Deliver",
            "12:30 BINANCE:BTCUSDT 5m@12:25 Deliver",
            "12:30 BINANCE:BTCUSDT 15m@12:15 MatchAndDeliver",
            "12:30 timer 15m task",
        ]);
    }

    [Fact]
    public void Run_TimerScheduledByTheTargetForTheCurrentInstant_FiresAfterTheRemainingEventsOfThatInstant()
    {
        var replay = new MarketReplay()
            .AddBars(new BarStream(Btc, Timeframe.M1, Bars(Timeframe.M1, At(9, 0), 2), BarRole.MatchAndDeliver))
            .AddBars(new BarStream(Eth, Timeframe.M1, Bars(Timeframe.M1, At(9, 0), 2), BarRole.MatchAndDeliver));
        var clock = new SimulatedClock(At(9, 0));
        var scheduler = new EngineScheduler(clock);
        RecordingTarget target = null!;
        target = new RecordingTarget(clock)
        {
            OnEvent = e =>
            {
                if (e.Symbol == Btc && e.OpenTimeMs == At(9, 0))
                {
                    scheduler.Schedule(clock.UtcNowMs, target.Timer("same instant"));
                }
            },
        };

        var result = new BacktestLoop(clock, scheduler).Run(replay, target, cancellationToken: TestContext.Current.CancellationToken);

        target.Lines.Take(3).ShouldBe(
        [
            "09:01 BINANCE:BTCUSDT 1m@09:00 MatchAndDeliver",
            "09:01 BINANCE:ETHUSDT.P 1m@09:00 MatchAndDeliver",
            "09:01 timer same instant",
        ]);
        result.TimersFired.ShouldBe(1);
    }

    [Fact]
    public void Run_WithAnEndTimeAfterTheLastBar_FiresTheTimersUpToItAndEndsTheClockThere()
    {
        var replay = new MarketReplay { EndTimeMs = At(13, 0) }
            .AddBars(new BarStream(Btc, Timeframe.M15, Bars(Timeframe.M15, At(12, 0), 1), BarRole.MatchAndDeliver));
        var clock = new SimulatedClock(At(12, 0));
        var scheduler = new EngineScheduler(clock);
        var target = new RecordingTarget(clock);
        scheduler.Every(15 * Timeframe.MinuteMs, target.Timer("q"));
        scheduler.Schedule(At(13, 1), target.Timer("after the end"));

        var result = new BacktestLoop(clock, scheduler).Run(replay, target, cancellationToken: TestContext.Current.CancellationToken);

        target.Lines.ShouldBe(["12:15 BINANCE:BTCUSDT 15m@12:00 MatchAndDeliver", "12:15 timer q", "12:30 timer q", "12:45 timer q", "13:00 timer q"]);
        clock.UtcNowMs.ShouldBe(At(13, 0));
        result.EndTimeMs.ShouldBe(At(13, 0));
        result.TimersFired.ShouldBe(4);
        scheduler.PendingCount.ShouldBe(2);
    }

    [Fact]
    public void Constructor_SchedulerOnAnotherClock_Throws()
    {
        var clock = new SimulatedClock(At(0, 0));

        Should.Throw<ArgumentException>(() => new BacktestLoop(clock, new EngineScheduler(new SimulatedClock(At(0, 0)))))
            .Message.ShouldContain("the scheduler must read the loop's clock");
    }
}
