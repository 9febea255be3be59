namespace Quorum.Execution.Engine;

/// <summary>
/// Timers on engine time (UTC ms): time stops, the 15-minute scheduler of seed 004, periodic tasks.
/// Owned by one bot's loop and used only from its thread (no locks); callbacks run on that thread.
/// </summary>
/// <remarks>
/// <para>
/// Timers fire in (due time, creation sequence) order; a periodic timer keeps its creation sequence when it
/// re-arms. A callback receives the due time it fires for and may schedule or cancel timers, itself included;
/// a timer it schedules that is already due fires in the same round, after the timers due before it.
/// </para>
/// <para>
/// Who fires them: <see cref="BacktestLoop"/> fires the timers due strictly before an event's time before that
/// event, and the timers due exactly at time t after all events at t (a task at 12:15 sees the 15m bar that closed
/// at 12:15); <see cref="ReplayFeeder"/> applies the same rule on its event loop's thread. <see cref="EventLoop"/> fires
/// due timers on its thread when its <see cref="TimeProvider"/> timer wakes it. Tests may call <see cref="FireDue"/> directly.
/// </para>
/// <para>
/// When the time provider is a <see cref="Quorum.Core.Time.SimulatedClock"/> standing before a timer's due time,
/// firing that timer first advances the clock to its due time, so the callback reads the clock it was due at.
/// </para>
/// </remarks>
public sealed class EngineScheduler
{
    private readonly TimerQueue _queue = new();
    private readonly Quorum.Core.Time.SimulatedClock? _simulatedClock;
    private long _nextSequence = 1;

    /// <summary>The head's due time, kept after every change to the queue: read twice per event time by the replay.</summary>
    private long _nextDueMs = long.MaxValue;

    /// <summary>A scheduler reading "now" from <paramref name="timeProvider"/> (simulated in backtests, the system clock live).</summary>
    public EngineScheduler(TimeProvider timeProvider)
    {
        TimeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _simulatedClock = timeProvider as Quorum.Core.Time.SimulatedClock;
    }

    /// <summary>The clock "now" is read from.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Timers that will still fire.</summary>
    public int PendingCount { get; private set; }

    /// <summary>Timers fired so far (each firing of a periodic timer counts).</summary>
    public long FiredCount { get; private set; }

    /// <summary>Due time of the next timer to fire (UTC ms), or <see cref="long.MaxValue"/> when none is pending.</summary>
    public long NextDueMs
    {
        get => _nextDueMs;
    }

    private long NowMs => TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Runs <paramref name="callback"/> once at <paramref name="dueMs"/> (UTC ms, not before now).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dueMs"/> is before now.</exception>
    public TimerHandle Schedule(long dueMs, Action<long> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var now = NowMs;
        if (dueMs < now)
        {
            throw new ArgumentOutOfRangeException(
                nameof(dueMs), dueMs, $"timer due at {dueMs} ({EngineTime.Format(dueMs)}) is before now {now} ({EngineTime.Format(now)}): time cannot go backwards");
        }

        return Add(dueMs, periodMs: 0, callback);
    }

    /// <summary>Runs <paramref name="callback"/> after <paramref name="delayMs"/> (≥ 0) from now.</summary>
    public TimerHandle ScheduleAfter(long delayMs, Action<long> callback)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(delayMs);
        return Schedule(checked(NowMs + delayMs), callback);
    }

    /// <summary>
    /// Runs <paramref name="callback"/> every <paramref name="periodMs"/> (&gt; 0). With <paramref name="alignToPeriod"/>
    /// (the default) it fires on multiples of the period since the Unix epoch — a 15-minute period fires at
    /// :00/:15/:30/:45 UTC — starting with the first multiple strictly after now; otherwise at now + period, now + 2 × period, …
    /// </summary>
    public TimerHandle Every(long periodMs, Action<long> callback, bool alignToPeriod = true)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (periodMs <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(periodMs), periodMs, $"timer period {periodMs} ms must be positive (> 0)");
        }

        var now = NowMs;
        var first = alignToPeriod
            ? checked((Math.DivRem(now, periodMs, out var remainder) + (remainder < 0 ? 0 : 1)) * periodMs)
            : checked(now + periodMs);
        return Add(first, periodMs, callback);
    }

    /// <summary>Cancels the timer; returns false when it was no longer pending (fired, already canceled, or the default handle).</summary>
    /// <exception cref="ArgumentException">The handle belongs to another scheduler.</exception>
    public bool Cancel(TimerHandle handle)
    {
        var timer = handle.Timer;
        if (timer is null)
        {
            return false;
        }

        if (!ReferenceEquals(timer.Owner, this))
        {
            throw new ArgumentException($"{timer} belongs to another scheduler", nameof(handle));
        }

        if (!timer.IsPending)
        {
            return false;
        }

        timer.IsPending = false;
        PendingCount--;
        _queue.Remove(timer); // O(pending): keeps canceled time stops from piling up
        RefreshNextDue();
        return true;
    }

    /// <summary>Fires, in order, every timer due at or before <paramref name="throughMs"/>; returns how many fired.</summary>
    public int FireDue(long throughMs) => Fire(throughMs, inclusive: true);

    /// <summary>Fires the timers due strictly before <paramref name="timeMs"/> (the backtest rule before an event at that time).</summary>
    internal int FireBefore(long timeMs) => Fire(timeMs, inclusive: false);

    private int Fire(long limitMs, bool inclusive)
    {
        var fired = 0;
        while (true)
        {
            var due = _queue.HeadDueMs;
            if (_queue.Count == 0 || due > limitMs || (!inclusive && due == limitMs))
            {
                return fired;
            }

            var timer = _queue.Head;
            if (timer.PeriodMs > 0)
            {
                timer.DueMs = checked(due + timer.PeriodMs);
                _queue.HeadMovedLater(); // one sift instead of a removal and an insertion
            }
            else
            {
                _queue.Pop();
                timer.IsPending = false;
                PendingCount--;
            }

            RefreshNextDue(); // before the callback, which may read it (or add and cancel timers, which keep it)
            if (_simulatedClock is { } clock && clock.UtcNowMs < due)
            {
                clock.AdvanceTo(due);
            }

            fired++;
            FiredCount++;
            timer.Callback(due);
        }
    }

    private void RefreshNextDue() => _nextDueMs = _queue.HeadDueMs;

    private TimerHandle Add(long dueMs, long periodMs, Action<long> callback)
    {
        var timer = new ScheduledTimer(this, _nextSequence++, dueMs, periodMs, callback);
        _queue.Push(timer);
        _nextDueMs = Math.Min(_nextDueMs, dueMs);
        PendingCount++;
        return new TimerHandle(timer);
    }

    /// <summary>One timer; in the queue exactly once while pending.</summary>
    internal sealed class ScheduledTimer(EngineScheduler owner, long sequence, long dueMs, long periodMs, Action<long> callback)
    {
        public EngineScheduler Owner { get; } = owner;

        public long Sequence { get; } = sequence;

        public long DueMs { get; set; } = dueMs;

        public long PeriodMs { get; } = periodMs;

        public Action<long> Callback { get; } = callback;

        public bool IsPending { get; set; } = true;

        public override string ToString() =>
            $"timer #{Sequence} due {DueMs} ({EngineTime.Format(DueMs)}){(PeriodMs > 0 ? $" every {PeriodMs} ms" : string.Empty)}{(IsPending ? string.Empty : " (done)")}";
    }
}
