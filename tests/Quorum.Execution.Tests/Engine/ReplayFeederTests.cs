using FsCheck;
using FsCheck.Fluent;
using Quorum.Core.Time;
using Quorum.Execution.Engine;
using static Quorum.Execution.Tests.Engine.EngineTestData;

namespace Quorum.Execution.Tests.Engine;

/// <summary>The paper-on-replay feeder: the same event sequence, clock and timers as <see cref="BacktestLoop"/>, through an <see cref="EventLoop"/>.</summary>
public sealed class ReplayFeederTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>
    /// Runs <paramref name="replay"/> with timers (a 15-minute task, a time stop at 07:00 + 1 ms, a timer at exactly 04:00
    /// — an event time in the tests below — and, from the first bar, a timer for "now") and records everything in order.
    /// </summary>
    private static (List<string> Lines, ReplayResult Result, List<ReplayProgress> Progress) Record(
        MarketReplay replay, bool paper, int capacity = ReplayFeeder.DefaultCapacity)
    {
        var clock = new SimulatedClock(Day);
        var scheduler = new EngineScheduler(clock);
        var scheduledNow = false;
        RecordingTarget target = null!;
        target = new RecordingTarget(clock)
        {
            OnEvent = e =>
            {
                if (!scheduledNow && e.IsBar)
                {
                    scheduledNow = true;
                    scheduler.Schedule(e.ClockMs, target.Timer("now from a handler"));
                }
            },
        };
        scheduler.Every(15 * Timeframe.MinuteMs, target.Timer("15m task"));
        scheduler.Schedule(At(7, 0) + 1, target.Timer("time stop"));
        scheduler.Schedule(At(4, 0), target.Timer("at 04:00"));
        var progress = new ListProgress();
        var result = paper
            ? new ReplayFeeder(clock, scheduler) { Capacity = capacity, ProgressIntervalEvents = 50 }.RunAsync(replay, target, progress, Token).GetAwaiter().GetResult()
            : new BacktestLoop(clock, scheduler) { ProgressIntervalEvents = 50 }.Run(replay, target, progress, Token);
        return ([.. target.Events.Select(e => $"{e.ClockMs} {e}")], result, progress.Reports);
    }

    [Theory]
    [InlineData(1, ReplayFeeder.DefaultCapacity)]
    [InlineData(7, 1)]
    [InlineData(2024, 3)]
    public void RunAsync_OnARandomReplay_DeliversExactlyWhatTheBacktestLoopDelivers(int seed, int capacity)
    {
        var backtest = Record(RandomReplays.Create(seed), paper: false);
        var paper = Record(RandomReplays.Create(seed), paper: true, capacity);

        backtest.Lines.Count.ShouldBeGreaterThan(100);
        backtest.Lines.ShouldContain(l => l.Contains("timer now from a handler", StringComparison.Ordinal));
        paper.Lines.ShouldBe(backtest.Lines);
        paper.Result.ShouldBe(backtest.Result);
        paper.Progress.ShouldBe(backtest.Progress);
    }

    [Fact]
    public void RunAsync_OnRandomReplays_MatchesTheBacktestLoop_Property()
    {
        var property = Prop.ForAll(Gen.Choose(0, 1_000_000).ToArbitrary(), seed =>
        {
            var backtest = Record(RandomReplays.Create(seed), paper: false);
            var paper = Record(RandomReplays.Create(seed), paper: true, capacity: 1 + (seed % 64));
            return paper.Lines.SequenceEqual(backtest.Lines) && paper.Result == backtest.Result;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(25), property);
    }

    [Fact]
    public void RunAsync_AtOneInstant_BarsFinerFirstThenFundingThenTheTimersDueThen()
    {
        // 04:00 with 1m and 1h of BTC and ETH and a funding of ETH: 1m BTC, 1m ETH, 1h BTC, 1h ETH, funding, then the
        // timers due at 04:00 in creation order (the periodic task keeps its sequence, then the fixed one, then the one a
        // handler scheduled for "now").
        var replay = new MarketReplay()
            .AddBars(new BarStream(Btc, Timeframe.H1, Bars(Timeframe.H1, At(3, 0), 1), BarRole.Deliver))
            .AddBars(new BarStream(Btc, Timeframe.M1, Bars(Timeframe.M1, At(3, 59), 1), BarRole.Match))
            .AddBars(new BarStream(Eth, Timeframe.M1, Bars(Timeframe.M1, At(3, 59), 1), BarRole.Match))
            .AddBars(new BarStream(Eth, Timeframe.H1, Bars(Timeframe.H1, At(3, 0), 1), BarRole.Deliver))
            .AddFunding(Eth, [Funding(Eth, At(4, 0))]);

        var paper = Record(replay, paper: true);

        paper.Lines.Select(l => l[(l.IndexOf(' ', StringComparison.Ordinal) + 1)..]).ShouldBe(
        [
            "00:15 timer 15m task", "00:30 timer 15m task", "00:45 timer 15m task", "01:00 timer 15m task", "01:15 timer 15m task",
            "01:30 timer 15m task", "01:45 timer 15m task", "02:00 timer 15m task", "02:15 timer 15m task", "02:30 timer 15m task",
            "02:45 timer 15m task", "03:00 timer 15m task", "03:15 timer 15m task", "03:30 timer 15m task", "03:45 timer 15m task",
            "04:00 BINANCE:BTCUSDT 1m@03:59 Match",
            "04:00 BINANCE:ETHUSDT.P 1m@03:59 Match",
            "04:00 BINANCE:BTCUSDT 1h@03:00 Deliver",
            "04:00 BINANCE:ETHUSDT.P 1h@03:00 Deliver",
            "04:00 funding BINANCE:ETHUSDT.P",
            "04:00 timer 15m task",
            "04:00 timer at 04:00",
            "04:00 timer now from a handler",
        ]);
        paper.Result.EndTimeMs.ShouldBe(At(4, 0));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RunAsync_WhenTheTargetThrows_FaultsWithThatExceptionAndDeliversNothingAfterIt(bool lockstep)
    {
        var clock = new SimulatedClock(Day);
        var failure = new InvalidTimeZoneException("bar 10 is poisoned");
        var delivered = 0;
        var target = new RecordingTarget(clock)
        {
            OnEvent = _ =>
            {
                if (++delivered == 10)
                {
                    throw failure;
                }
            },
        };
        var feeder = new ReplayFeeder(clock, new EngineScheduler(clock)) { Capacity = 2, Lockstep = lockstep };
        var replay = new MarketReplay().AddBars(new BarStream(Btc, Timeframe.M1, Bars(Timeframe.M1, Day, 5_000), BarRole.MatchAndDeliver));

        var thrown = await Should.ThrowAsync<InvalidTimeZoneException>(() => feeder.RunAsync(replay, target, cancellationToken: Token));

        thrown.ShouldBeSameAs(failure);
        target.Events.Count.ShouldBe(10);
    }

    [Fact]
    public async Task RunAsync_WhenCanceledByTheTarget_StopsBeforeTheNextEventAndThrowsOperationCanceled()
    {
        var clock = new SimulatedClock(Day);
        using var cancel = new CancellationTokenSource();
        var target = new RecordingTarget(clock)
        {
            OnEvent = e =>
            {
                if (e.OpenTimeMs == At(1, 0))
                {
                    cancel.Cancel();
                }
            },
        };
        var replay = new MarketReplay().AddBars(new BarStream(Btc, Timeframe.M1, Bars(Timeframe.M1, Day, 5_000), BarRole.MatchAndDeliver));

        await Should.ThrowAsync<OperationCanceledException>(() => new ReplayFeeder(clock, new EngineScheduler(clock)).RunAsync(replay, target, cancellationToken: cancel.Token));

        target.Events.Count.ShouldBe(61); // 00:00 … 01:00 (the bar that canceled), nothing after it
    }

    [Fact]
    public async Task RunAsync_WithASmallCapacity_NeverLetsTheProducerRunAheadOfTheLoopByMoreThanTheChannel()
    {
        // One 1m stream: one event per instant, so at most Capacity events wait in the channel plus the one being handled.
        // The first event waits until the producer has filled the channel, so the bound is reached, not just respected.
        const int capacity = 8;
        var clock = new SimulatedClock(Day);
        ReplayFeeder feeder = null!;
        var handled = 0L;
        var maxAhead = 0L;
        var target = new RecordingTarget(clock)
        {
            OnEvent = _ =>
            {
                handled++;
                if (handled == 1)
                {
                    SpinWait.SpinUntil(() => feeder.PostedCount >= capacity + 1, TimeSpan.FromMinutes(1)).ShouldBeTrue("the producer never filled the channel");
                }

                maxAhead = Math.Max(maxAhead, feeder.PostedCount - handled);
            },
        };
        feeder = new ReplayFeeder(clock, new EngineScheduler(clock)) { Capacity = capacity };
        var replay = new MarketReplay().AddBars(new BarStream(Btc, Timeframe.M1, Bars(Timeframe.M1, Day, 2_000), BarRole.MatchAndDeliver));

        var result = await feeder.RunAsync(replay, target, cancellationToken: Token);

        result.Events.ShouldBe(2_000);
        maxAhead.ShouldBe(capacity);
    }

    [Fact]
    public async Task RunAsync_Lockstep_PostsEachEventOnlyAfterTheLoopHandledThePreviousOne()
    {
        // Two streams closing together (two events per instant): in lockstep the producer is never ahead of the loop, and
        // BeforePost sees every event's sequence number in order.
        var clock = new SimulatedClock(Day);
        ReplayFeeder feeder = null!;
        var handled = 0L;
        var maxAhead = 0L;
        var sequences = new List<long>();
        var target = new RecordingTarget(clock)
        {
            OnEvent = _ => maxAhead = Math.Max(maxAhead, feeder.PostedCount - ++handled),
        };
        feeder = new ReplayFeeder(clock, new EngineScheduler(clock)) { Lockstep = true, BeforePost = sequences.Add };
        var replay = new MarketReplay()
            .AddBars(new BarStream(Btc, Timeframe.M1, Bars(Timeframe.M1, Day, 300), BarRole.MatchAndDeliver))
            .AddBars(new BarStream(Eth, Timeframe.M1, Bars(Timeframe.M1, Day, 300), BarRole.MatchAndDeliver));

        var result = await feeder.RunAsync(replay, target, cancellationToken: Token);

        result.Events.ShouldBe(600);
        maxAhead.ShouldBe(0);
        sequences.ShouldBe(Enumerable.Range(0, 600).Select(i => (long)i));
    }

    [Fact]
    public async Task RunAsync_WithASpeed_PostsEachInstantWhenItsTimeIsDueOnThePacingClock()
    {
        // Speed 3600: one hour of bars per second of the pacing clock. The test moves that clock one second after each
        // bar arrives; each bar must arrive only once its second has come (bar k at start + k s, k from 0).
        var clock = new SimulatedClock(Day);
        var pacing = new SimulatedClock(Day);
        var arrivals = new List<long>();
        using var arrived = new SemaphoreSlim(0);
        var target = new RecordingTarget(clock)
        {
            OnEvent = _ =>
            {
                lock (arrivals)
                {
                    arrivals.Add(pacing.UtcNowMs - Day);
                }

                arrived.Release();
            },
        };
        var feeder = new ReplayFeeder(clock, new EngineScheduler(clock)) { Speed = 3600, PacingClock = pacing };
        var replay = new MarketReplay().AddBars(new BarStream(Btc, Timeframe.H1, Bars(Timeframe.H1, Day, 5), BarRole.MatchAndDeliver));

        var running = feeder.RunAsync(replay, target, cancellationToken: Token);
        for (var k = 0; k < 5; k++)
        {
            await arrived.WaitAsync(Token);
            pacing.Advance(TimeSpan.FromSeconds(1));
        }

        await running;
        arrivals.ShouldBe([0, 1_000, 2_000, 3_000, 4_000]);
    }

    [Fact]
    public async Task RunAsync_ClockAfterTheFirstEvent_ThrowsBeforeDeliveringAnything()
    {
        var clock = new SimulatedClock(At(5, 0));
        var target = new RecordingTarget(clock);
        var replay = new MarketReplay().AddBars(new BarStream(Btc, Timeframe.H1, Bars(Timeframe.H1, Day, 3), BarRole.MatchAndDeliver));

        var thrown = await Should.ThrowAsync<InvalidOperationException>(() => new ReplayFeeder(clock, new EngineScheduler(clock)).RunAsync(replay, target, cancellationToken: Token));

        thrown.Message.ShouldContain("after the first event");
        target.Events.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Speed_NotAFinitePositiveNumber_IsRefusedNamingIt(double speed)
    {
        var clock = new SimulatedClock(Day);

        Should.Throw<ArgumentOutOfRangeException>(() => new ReplayFeeder(clock, new EngineScheduler(clock)) { Speed = speed })
            .Message.ShouldContain("must be a finite number > 0");
    }

    [Fact]
    public void Constructor_SchedulerOnAnotherClock_IsRefused()
    {
        var clock = new SimulatedClock(Day);

        Should.Throw<ArgumentException>(() => new ReplayFeeder(clock, new EngineScheduler(new SimulatedClock(Day))))
            .Message.ShouldContain("the scheduler must read the loop's clock");
    }

    /// <summary>Records progress reports synchronously, in order.</summary>
    private sealed class ListProgress : IProgress<ReplayProgress>
    {
        public List<ReplayProgress> Reports { get; } = [];

        public void Report(ReplayProgress value) => Reports.Add(value);
    }
}
