using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Execution.Engine;
using Quorum.Execution.Venues;
using static Quorum.Execution.Tests.Engine.EngineTestData;

namespace Quorum.Execution.Tests.Engine;

public sealed class EventLoopTests
{
    private static CancellationToken TestToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_DispatchesEveryEventOnTheLoopThreadInPostOrder()
    {
        var clock = new SimulatedClock(At(0, 0));
        var listener = new RecordingListener();
        var loop = new EventLoop(listener, new EngineScheduler(clock));
        var expected = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            var bar = Bar(At(0, 0) + (i * Timeframe.MinuteMs));
            loop.Post(EngineEvent.ForBar(i % 2 == 0 ? Btc : Eth, Timeframe.M1, bar));
            expected.Add($"bar {(i % 2 == 0 ? Btc : Eth)} {bar.OpenTimeMs}");
            if (i % 50 == 0)
            {
                loop.Post(EngineEvent.ForExecutionReport(new ExecutionReport(ExecutionReportKind.Accepted, $"order-{i}", Btc, bar.OpenTimeMs, bar.OpenTimeMs)));
                expected.Add($"report order-{i}");
                loop.Post(EngineEvent.ForFunding(new FundingPayment(Eth, bar.OpenTimeMs, 0.0001m, 100m, 2m, -0.02m)));
                expected.Add($"funding {bar.OpenTimeMs}");
            }
        }

        var run = loop.RunAsync(TestToken);
        loop.Complete();
        await run;

        listener.Seen.ShouldBe(expected);
        listener.Threads.Distinct().ShouldBe([loop.LoopThreadId]);
        loop.LoopThreadId.ShouldNotBe(Environment.CurrentManagedThreadId);
        loop.DispatchedCount.ShouldBe(expected.Count);
    }

    [Fact]
    public async Task RunAsync_WhenAHandlerThrows_FaultsWithThatException_AndDispatchesNothingAfterIt()
    {
        var clock = new SimulatedClock(At(0, 0));
        var listener = new RecordingListener { ThrowOnBar = 3 };
        var loop = new EventLoop(listener, new EngineScheduler(clock));
        for (var i = 0; i < 6; i++)
        {
            loop.Post(EngineEvent.ForBar(Btc, Timeframe.M1, Bar(At(0, i))));
        }

        var error = await Should.ThrowAsync<InvalidOperationException>(() => loop.RunAsync(TestToken));

        error.Message.ShouldBe("bar 3 is bad");
        listener.Seen.Count.ShouldBe(3); // bars 1 and 2, and the bar 3 that threw
        loop.TryPost(EngineEvent.ForBar(Btc, Timeframe.M1, Bar(At(0, 9)))).ShouldBeFalse();
        Should.Throw<InvalidOperationException>(() => loop.Post(EngineEvent.ForBar(Btc, Timeframe.M1, Bar(At(0, 9)))))
            .Message.ShouldContain("the event loop is stopped");
    }

    [Fact]
    public async Task RunAsync_WhenATimerCallbackThrows_FaultsWithThatException()
    {
        var clock = new SimulatedClock(At(0, 0));
        var scheduler = new EngineScheduler(clock);
        scheduler.Schedule(At(0, 1), _ => throw new InvalidOperationException("timer failed"));
        var loop = new EventLoop(new RecordingListener(), scheduler);

        var run = loop.RunAsync(TestToken);
        clock.AdvanceTo(At(0, 1));

        (await Should.ThrowAsync<InvalidOperationException>(() => run)).Message.ShouldBe("timer failed");
    }

    [Fact]
    public async Task Timers_WokenThroughTheTimeProvider_RunOnTheLoopThreadAtTheirDueTime()
    {
        var clock = new SimulatedClock(At(12, 0));
        var scheduler = new EngineScheduler(clock);
        var listener = new RecordingListener();
        var loop = new EventLoop(listener, scheduler);
        var fired = new TaskCompletionSource<(long Due, long Clock, int Thread)>(TaskCreationOptions.RunContinuationsAsynchronously);
        scheduler.Every(15 * Timeframe.MinuteMs, due => fired.TrySetResult((due, clock.UtcNowMs, Environment.CurrentManagedThreadId)));

        var run = loop.RunAsync(TestToken);
        clock.AdvanceTo(At(12, 14));
        fired.Task.IsCompleted.ShouldBeFalse();
        clock.AdvanceTo(At(12, 15)); // the time provider's timer posts a tick; the loop fires the 15-minute task
        var (due, clockAtFire, thread) = await fired.Task.WaitAsync(TestToken);
        loop.Complete();
        await run;

        due.ShouldBe(At(12, 15));
        clockAtFire.ShouldBe(At(12, 15));
        thread.ShouldBe(loop.LoopThreadId);
    }

    [Fact]
    public async Task Timers_ScheduledByAHandler_AreArmedAfterTheEvent()
    {
        var clock = new SimulatedClock(At(12, 0));
        var scheduler = new EngineScheduler(clock);
        var fired = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var scheduled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listener = new RecordingListener
        {
            OnBarAction = () =>
            {
                scheduler.Schedule(At(12, 30), due => fired.TrySetResult(due)); // a time stop
                scheduled.TrySetResult();
            },
        };
        var loop = new EventLoop(listener, scheduler);
        var run = loop.RunAsync(TestToken);

        loop.Post(EngineEvent.ForBar(Btc, Timeframe.M15, Bar(At(11, 45))));
        await scheduled.Task.WaitAsync(TestToken);
        clock.AdvanceTo(At(12, 30));

        (await fired.Task.WaitAsync(TestToken)).ShouldBe(At(12, 30));
        loop.Complete();
        await run;
    }

    [Fact]
    public async Task Timer_WhenTheClockMovesPastItsDueTimeWhileTheLoopArmsItsWakeUp_StillFires()
    {
        // The race of the test above made certain: the clock reaches the timer's due time after the loop computed its
        // wake-up delay and before it armed the wake-up timer, so that timer is armed a whole delay too late, and this
        // clock moves no further. The loop must notice the due time passed and fire anyway.
        var clock = new SimulatedClock(At(12, 0));
        var provider = new ClockMovedWhileArming(clock, At(12, 30));
        var scheduler = new EngineScheduler(provider);
        var fired = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listener = new RecordingListener { OnBarAction = () => scheduler.Schedule(At(12, 30), due => fired.TrySetResult(due)) };
        var loop = new EventLoop(listener, scheduler);
        var run = loop.RunAsync(TestToken);

        loop.Post(EngineEvent.ForBar(Btc, Timeframe.M15, Bar(At(11, 45))));

        (await fired.Task.WaitAsync(TimeSpan.FromSeconds(30), TestToken)).ShouldBe(At(12, 30));
        provider.Moves.ShouldBe(1);
        loop.Complete();
        await run;
    }

    [Fact]
    public async Task Complete_DrainsWhatIsQueued_ThenRunAsyncCompletes()
    {
        var listener = new RecordingListener();
        var loop = new EventLoop(listener, new EngineScheduler(new SimulatedClock(At(0, 0))));
        for (var i = 0; i < 100; i++)
        {
            loop.Post(EngineEvent.ForBar(Btc, Timeframe.M1, Bar(At(0, 0) + (i * Timeframe.MinuteMs))));
        }

        loop.Complete();
        await loop.RunAsync(TestToken);

        listener.Seen.Count.ShouldBe(100);
        loop.TryPost(EngineEvent.ForBar(Btc, Timeframe.M1, Bar(At(5, 0)))).ShouldBeFalse();
    }

    [Fact]
    public async Task RunAsync_WhenCanceled_CompletesCanceled()
    {
        var loop = new EventLoop(new RecordingListener(), new EngineScheduler(new SimulatedClock(At(0, 0))));
        using var cancellation = new CancellationTokenSource();

        var run = loop.RunAsync(cancellation.Token);
        await cancellation.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => run);
        run.IsCanceled.ShouldBeTrue();
    }

    [Fact]
    public void Bounded_WhenFull_TryPostReturnsFalseAndPostThrows()
    {
        var loop = new EventLoop(new RecordingListener(), new EngineScheduler(new SimulatedClock(At(0, 0))), capacity: 2);
        loop.TryPost(EngineEvent.ForBar(Btc, Timeframe.M1, Bar(At(0, 0)))).ShouldBeTrue();
        loop.TryPost(EngineEvent.ForBar(Btc, Timeframe.M1, Bar(At(0, 1)))).ShouldBeTrue();

        loop.TryPost(EngineEvent.ForBar(Btc, Timeframe.M1, Bar(At(0, 2)))).ShouldBeFalse();
        Should.Throw<InvalidOperationException>(() => loop.Post(EngineEvent.ForBar(Btc, Timeframe.M1, Bar(At(0, 2)))))
            .Message.ShouldContain("the event loop's channel is full (2 events");
    }

    [Fact]
    public void RunAsync_Twice_Throws()
    {
        var loop = new EventLoop(new RecordingListener(), new EngineScheduler(new SimulatedClock(At(0, 0))));
        _ = loop.RunAsync(TestToken);

        Should.Throw<InvalidOperationException>(() => loop.RunAsync(TestToken)).Message.ShouldContain("already started");
        loop.Complete();
    }

    [Fact]
    public void Post_DefaultEvent_Throws()
    {
        var loop = new EventLoop(new RecordingListener(), new EngineScheduler(new SimulatedClock(At(0, 0))));

        Should.Throw<ArgumentException>(() => loop.Post(default)).Message.ShouldContain("cannot post the default engine event");
    }

    private sealed class RecordingListener : IVenueListener
    {
        private int _bars;

        public List<string> Seen { get; } = [];

        public List<int> Threads { get; } = [];

        public int ThrowOnBar { get; init; }

        public Action? OnBarAction { get; init; }

        public void OnBar(Symbol symbol, Timeframe timeframe, in Bar bar)
        {
            Record($"bar {symbol} {bar.OpenTimeMs}");
            if (++_bars == ThrowOnBar)
            {
                throw new InvalidOperationException($"bar {_bars} is bad");
            }

            OnBarAction?.Invoke();
        }

        public void OnExecutionReport(ExecutionReport report) => Record($"report {report.ClientOrderId}");

        public void OnFunding(FundingPayment payment) => Record($"funding {payment.TimeMs}");

        private void Record(string line)
        {
            Seen.Add(line);
            Threads.Add(Environment.CurrentManagedThreadId);
        }
    }

    /// <summary>
    /// Time from <paramref name="clock"/>, whose timers, the first time one is armed with a due time, first move the
    /// clock to <paramref name="moveTo"/>: another thread advancing it at the worst moment, made deterministic.
    /// </summary>
    private sealed class ClockMovedWhileArming(SimulatedClock clock, long moveTo) : TimeProvider
    {
        public int Moves { get; private set; }

        /// <summary>The first arming with a due time moves the clock first.</summary>
        public void BeforeArming()
        {
            if (Moves == 0)
            {
                Moves++;
                clock.AdvanceTo(moveTo);
            }
        }

        public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            new MovingTimer(this, clock.CreateTimer(callback, state, dueTime, period));

        private sealed class MovingTimer(ClockMovedWhileArming owner, ITimer inner) : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period)
            {
                if (dueTime != Timeout.InfiniteTimeSpan)
                {
                    owner.BeforeArming();
                }

                return inner.Change(dueTime, period);
            }

            public void Dispose() => inner.Dispose();

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }
}
