using System.Threading.Channels;
using Quorum.Execution.Venues;

namespace Quorum.Execution.Engine;

/// <summary>
/// The paper/live event loop of one bot: adapter threads post <see cref="EngineEvent"/>s into a channel and one
/// dedicated loop thread reads them, in post order, and dispatches them to an <see cref="IVenueListener"/> and to the
/// <see cref="EngineScheduler"/>'s timers. Everything the listener and timer callbacks do runs on that one thread, so
/// domain code needs no locks.
/// </summary>
/// <remarks>
/// <para>
/// <b>Channel.</b> Unbounded by default: an execution report must never be dropped and a websocket reader must never
/// block on a slow strategy; memory then grows only with the backlog. With a capacity it is bounded:
/// <see cref="TryPost"/> returns false and <see cref="PostAsync"/> waits while it is full.
/// </para>
/// <para>
/// <b>Timers.</b> The loop keeps one timer of the scheduler's <see cref="TimeProvider"/> armed for the scheduler's next
/// due time; when it fires (on a timer thread) it posts a <see cref="EngineEvent.TimerTick"/>, and the loop fires the
/// due timers on its own thread. The loop also fires any timer that has fallen due after each event it dispatches, so
/// a backlog does not delay timers behind a queued tick (and a tick that does not fit a full bounded channel is not needed).
/// The scheduler must be used only from the loop thread (handlers and timer callbacks) once the loop runs.
/// </para>
/// <para>
/// <b>Stopping.</b> <see cref="Complete"/> is the graceful stop: no more posts are accepted, the loop dispatches what is
/// already queued and <see cref="RunAsync"/> completes. Canceling the token passed to <see cref="RunAsync"/> stops at
/// once: queued events are dropped and the task is canceled. An exception from a handler or a timer callback stops the
/// loop: later events are not dispatched, posts are refused, and the task returned by <see cref="RunAsync"/> faults with
/// that exception.
/// </para>
/// <para>
/// <b>Paper-on-replay.</b> A loop created by a <see cref="ReplayFeeder"/> also carries replayed bars and funding rates;
/// there engine time is the replay's: the feeder's handler advances the simulated clock and fires the scheduler's timers
/// by the backtest rule (due before an event time: before its events; due at it: after them), so this loop arms no wake
/// timer and fires no timers after other events.
/// </para>
/// </remarks>
public sealed class EventLoop
{
    private readonly Channel<EngineEvent> _channel;
    private readonly IVenueListener _listener;
    private readonly int? _capacity;
    private readonly IReplayEventHandler? _replay;
    private ITimer? _wakeTimer;
    private long _armedDueMs = long.MaxValue;
    private int _started;
    private bool _stopped;

    /// <summary>A loop dispatching to <paramref name="listener"/>, firing <paramref name="scheduler"/>'s timers; unbounded when <paramref name="capacity"/> is null.</summary>
    public EventLoop(IVenueListener listener, EngineScheduler scheduler, int? capacity = null)
    {
        _listener = listener ?? throw new ArgumentNullException(nameof(listener));
        Scheduler = scheduler ?? throw new ArgumentNullException(nameof(scheduler));
        if (capacity is { } bound)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(bound, 1, nameof(capacity));
            _channel = Channel.CreateBounded<EngineEvent>(new BoundedChannelOptions(bound)
            {
                SingleReader = true,
                FullMode = BoundedChannelFullMode.Wait,
            });
        }
        else
        {
            _channel = Channel.CreateUnbounded<EngineEvent>(new UnboundedChannelOptions { SingleReader = true });
        }

        _capacity = capacity;
    }

    /// <summary>A paper-on-replay loop: replay events go to <paramref name="replay"/>, which owns the clock and the timers (see the remarks).</summary>
    internal EventLoop(IVenueListener listener, EngineScheduler scheduler, int capacity, IReplayEventHandler replay)
        : this(listener, scheduler, capacity)
    {
        _replay = replay;
    }

    public EngineScheduler Scheduler { get; }

    /// <summary>Events dispatched so far (timer ticks included).</summary>
    public long DispatchedCount { get; private set; }

    /// <summary>True once the loop accepts no more events (completed, canceled or faulted).</summary>
    internal bool IsStopped => Volatile.Read(ref _stopped);

    /// <summary>Managed thread id of the loop thread while it runs (0 before <see cref="RunAsync"/>).</summary>
    public int LoopThreadId { get; private set; }

    /// <summary>Queues <paramref name="engineEvent"/>; false when the loop is stopped or a bounded channel is full. Any thread.</summary>
    public bool TryPost(in EngineEvent engineEvent)
    {
        CheckPostable(engineEvent);
        return _channel.Writer.TryWrite(engineEvent);
    }

    /// <summary>Queues <paramref name="engineEvent"/>; throws when the loop is stopped or a bounded channel is full. Any thread.</summary>
    /// <exception cref="InvalidOperationException">The loop no longer accepts events, or the bounded channel is full.</exception>
    public void Post(in EngineEvent engineEvent)
    {
        if (!TryPost(engineEvent))
        {
            throw new InvalidOperationException(
                Volatile.Read(ref _stopped)
                    ? $"the event loop is stopped and accepts no more events (refused: {engineEvent})"
                    : $"the event loop's channel is full ({_capacity} events; refused: {engineEvent}): use PostAsync to wait for room");
        }
    }

    /// <summary>Queues <paramref name="engineEvent"/>, waiting for room in a bounded channel. Any thread.</summary>
    public ValueTask PostAsync(EngineEvent engineEvent, CancellationToken cancellationToken = default)
    {
        CheckPostable(engineEvent);
        return _channel.Writer.WriteAsync(engineEvent, cancellationToken);
    }

    /// <summary>Graceful stop: refuse further posts, dispatch what is queued, then let <see cref="RunAsync"/> complete.</summary>
    public void Complete()
    {
        Volatile.Write(ref _stopped, true);
        _channel.Writer.TryComplete();
    }

    /// <summary>
    /// Starts the loop on its own thread. The task completes after <see cref="Complete"/> once the queue is drained,
    /// is canceled when <paramref name="cancellationToken"/> is, and faults with the first exception a handler throws.
    /// </summary>
    /// <exception cref="InvalidOperationException">The loop was already started.</exception>
    public Task RunAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("the event loop was already started (RunAsync runs once per loop)");
        }

        if (_replay is null)
        {
            RearmWakeTimer(); // before the thread starts, so a clock advanced right after RunAsync returns still wakes the loop
        }

        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() => Loop(completion, cancellationToken))
        {
            IsBackground = true,
            Name = "Quorum engine loop",
        };
        thread.Start();
        return completion.Task;
    }

    private static void CheckPostable(in EngineEvent engineEvent)
    {
        if (engineEvent.Kind == EngineEventKind.None)
        {
            throw new ArgumentException("cannot post the default engine event (create one with EngineEvent.ForBar / ForExecutionReport / ForFunding)", nameof(engineEvent));
        }
    }

    private void Loop(TaskCompletionSource completion, CancellationToken cancellationToken)
    {
        LoopThreadId = Environment.CurrentManagedThreadId;
        var reader = _channel.Reader;
        try
        {
            while (true)
            {
                while (reader.TryRead(out var engineEvent))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Dispatch(engineEvent);
                }

                var wait = reader.WaitToReadAsync(cancellationToken);

                // The loop thread is ours and has nothing else to do: blocking it while the channel is empty starves no one.
                var more = wait.IsCompletedSuccessfully ? wait.Result : wait.AsTask().GetAwaiter().GetResult();
                if (!more)
                {
                    break;
                }
            }

            completion.TrySetResult();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Volatile.Write(ref _stopped, true);
            _channel.Writer.TryComplete();
            completion.TrySetCanceled(cancellationToken);
        }
        catch (Exception exception)
        {
            Volatile.Write(ref _stopped, true);
            _channel.Writer.TryComplete(exception);
            completion.TrySetException(exception);
        }
        finally
        {
            Volatile.Write(ref _stopped, true);
            _wakeTimer?.Dispose();
        }
    }

    private void Dispatch(in EngineEvent engineEvent)
    {
        DispatchedCount++;
        switch (engineEvent.Kind)
        {
            case EngineEventKind.Bar:
                var bar = engineEvent.Bar;
                _listener.OnBar(engineEvent.Symbol, engineEvent.Timeframe, in bar);
                break;
            case EngineEventKind.ExecutionReport:
                _listener.OnExecutionReport(engineEvent.ExecutionReport!);
                break;
            case EngineEventKind.Funding:
                _listener.OnFunding(engineEvent.Funding!);
                break;
            case EngineEventKind.TimerTick:
                _armedDueMs = long.MinValue; // the wake timer is spent: arm it again even for the same due time
                break;
            case EngineEventKind.ReplayBar:
            case EngineEventKind.ReplayFunding:
            case EngineEventKind.ReplayEnd:
                var replay = _replay ?? throw new InvalidOperationException($"{engineEvent}: only a ReplayFeeder's loop dispatches replay events");
                replay.Handle(in engineEvent);
                break;
            default:
                throw new InvalidOperationException($"engine event kind {engineEvent.Kind} cannot be dispatched");
        }

        if (_replay is not null)
        {
            return; // replay time: the feeder's handler fires the timers by the backtest rule
        }

        var now = Scheduler.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        if (Scheduler.NextDueMs <= now)
        {
            Scheduler.FireDue(now);
        }

        RearmWakeTimer();
    }

    private void RearmWakeTimer()
    {
        var due = Scheduler.NextDueMs;
        if (due == _armedDueMs)
        {
            return;
        }

        _armedDueMs = due;
        if (due == long.MaxValue)
        {
            _wakeTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var delay = Math.Max(0, due - Scheduler.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        _wakeTimer ??= Scheduler.TimeProvider.CreateTimer(
            static state => ((EventLoop)state!)._channel.Writer.TryWrite(EngineEvent.TimerTick), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _wakeTimer.Change(TimeSpan.FromMilliseconds(delay), Timeout.InfiniteTimeSpan);

        // The delay is relative to the time read above. Another thread may move a simulated clock between that read and the
        // arming (a test, a paper session's driver); the timer is then armed that much too late, and a clock that moves no
        // further would never fire it. Seen from here, such a move put the due time in the past: wake the loop now.
        if (due <= Scheduler.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds())
        {
            _channel.Writer.TryWrite(EngineEvent.TimerTick);
        }
    }
}
