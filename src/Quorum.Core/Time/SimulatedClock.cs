using System.Globalization;

namespace Quorum.Core.Time;

/// <summary>
/// A <see cref="TimeProvider"/> for backtests and tests: time stands still until
/// <see cref="Advance"/> or <see cref="AdvanceTo(long)"/> moves it, and never goes backwards.
/// </summary>
/// <remarks>
/// <para>
/// Timers created through <see cref="CreateTimer"/> (directly, or by <c>Task.Delay(…, clock)</c>,
/// <c>new CancellationTokenSource(…, clock)</c>, <c>PeriodicTimer</c>) fire synchronously on the
/// thread that advances the clock, in due-time order and, for equal due times, in creation order.
/// While a callback runs, <see cref="GetUtcNow"/> returns that timer's due time. Periodic timers
/// re-arm at due time + period, so a long advance fires every period in between. A timer armed
/// with a zero due time fires at once (synchronously, unless the clock is already firing timers,
/// in which case it fires next in the same advance). A period of zero means one-shot, as for
/// <see cref="System.Threading.Timer"/>.
/// </para>
/// <para>
/// An exception from a callback propagates out of the advance; the clock then stands at that
/// timer's due time and later timers stay pending. Advancing from inside a callback is refused.
/// </para>
/// <para>
/// Cost: reading the time takes no lock, and <see cref="AdvanceTo(long)"/> takes no lock when no timer is armed at
/// or before the target (one compare-exchange, about 10 ns) — a backtest advances the clock once per event time,
/// so this is paid per bar. Advancing past an armed timer takes the locked path. A timer armed from another thread
/// during a lock-free advance may find the clock already past its due time: it then fires at the next advance.
/// </para>
/// <para><see cref="LocalTimeZone"/> is UTC; timestamps are in ticks (<see cref="TimestampFrequency"/> = 10⁷/s).</para>
/// </remarks>
public sealed class SimulatedClock : TimeProvider
{
    private const long UnixEpochTicks = 621_355_968_000_000_000; // DateTime.UnixEpoch.Ticks
    private const long UnixEpochMs = UnixEpochTicks / TimeSpan.TicksPerMillisecond;
    private const long MinUnixMs = -62_135_596_800_000; // DateTimeOffset.MinValue in Unix ms
    private const long MaxUnixMs = 253_402_300_799_999; // DateTimeOffset.MaxValue in Unix ms

    private readonly Lock _gate = new();
    private readonly PriorityQueue<(SimulatedTimer Timer, long Generation), (long DueTicks, long Sequence)> _queue = new();
    private long _nowTicks;

    /// <summary>An advance to a time before this fires nothing: the earliest queued due time (stale entries included), <see cref="long.MinValue"/> while firing. Written under <see cref="_gate"/>.</summary>
    private long _quietBeforeTicks = long.MaxValue;
    private long _nextSequence;
    private bool _firing;

    /// <summary>A clock standing at <paramref name="startUtcMs"/> (UTC ms since the Unix epoch).</summary>
    public SimulatedClock(long startUtcMs)
    {
        _nowTicks = DateTimeOffset.FromUnixTimeMilliseconds(startUtcMs).UtcTicks;
    }

    /// <summary>A clock standing at <paramref name="start"/>.</summary>
    public SimulatedClock(DateTimeOffset start)
    {
        _nowTicks = start.UtcTicks;
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Current time in UTC milliseconds since the Unix epoch (sub-millisecond part truncated, as <see cref="DateTimeOffset.ToUnixTimeMilliseconds"/>).</summary>
    public long UtcNowMs => TicksToUnixMs(Volatile.Read(ref _nowTicks));

    /// <summary>Timers currently armed (not fired-and-done, not disposed, not disabled).</summary>
    public int PendingTimerCount
    {
        get
        {
            lock (_gate)
            {
                return _queue.UnorderedItems.Count(item => item.Element.Timer.IsArmed(item.Element.Generation));
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => new(Volatile.Read(ref _nowTicks), TimeSpan.Zero);

    public override long GetTimestamp() => Volatile.Read(ref _nowTicks);

    /// <summary>Moves the clock forward by <paramref name="delta"/> (≥ 0), firing the timers that fall due on the way.</summary>
    public void Advance(TimeSpan delta)
    {
        if (delta < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(delta), delta, $"cannot advance the clock by a negative {delta}: time cannot go backwards");
        }

        long target;
        lock (_gate)
        {
            target = checked(_nowTicks + delta.Ticks);
        }

        AdvanceToTicks(target, fromTimerArm: false);
    }

    /// <summary>Moves the clock to <paramref name="utcMs"/> (UTC ms), firing the timers that fall due on the way. Throws if that is before now.</summary>
    public void AdvanceTo(long utcMs) => AdvanceTo(utcMs, soleAdvancer: false);

    /// <summary>
    /// <see cref="AdvanceTo(long)"/> for the one thread that advances this clock — the engine's replay loop, once per event
    /// time: the lock-free path stores the new time instead of a compare-exchange. Readers on other threads, and timers
    /// armed from them, stay safe (a timer armed at or before now only fires, it never moves the time); a second thread
    /// advancing the clock at the same time could make it go backwards, so use <see cref="AdvanceTo(long)"/> there.
    /// </summary>
    public void AdvanceToAsSoleAdvancer(long utcMs) => AdvanceTo(utcMs, soleAdvancer: true);

    private void AdvanceTo(long utcMs, bool soleAdvancer)
    {
        var target = UnixMsToTicks(utcMs);
        var now = Volatile.Read(ref _nowTicks);
        if (soleAdvancer && target >= now && target < Volatile.Read(ref _quietBeforeTicks))
        {
            Volatile.Write(ref _nowTicks, target); // nothing fires on the way, and no other thread moves the time
            return;
        }

        // Fast path, without the lock (a backtest advances once per event time, so this is per bar): no timer is armed
        // at or before the target and no advance is in progress, so nothing fires on the way; the compare-exchange keeps
        // time from going backwards if another thread moved it meanwhile (then the locked path below decides).
        if (target >= now && target < Volatile.Read(ref _quietBeforeTicks) && Interlocked.CompareExchange(ref _nowTicks, target, now) == now)
        {
            return;
        }

        lock (_gate)
        {
            if (target < _nowTicks)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(utcMs),
                    utcMs,
                    $"cannot move the clock back to {utcMs} ms ({FormatTicks(target)}) from {UtcNowMsLocked()} ms ({FormatTicks(_nowTicks)}): time cannot go backwards");
            }
        }

        AdvanceToTicks(target, fromTimerArm: false);
    }

    /// <summary>Moves the clock to <paramref name="time"/>; throws if that is before now.</summary>
    public void AdvanceTo(DateTimeOffset time)
    {
        lock (_gate)
        {
            if (time.UtcTicks < _nowTicks)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(time), time, $"cannot move the clock back to {FormatTicks(time.UtcTicks)} from {FormatTicks(_nowTicks)}: time cannot go backwards");
            }
        }

        AdvanceToTicks(time.UtcTicks, fromTimerArm: false);
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        long sequence;
        lock (_gate)
        {
            sequence = _nextSequence++;
        }

        var timer = new SimulatedTimer(this, callback, state, sequence);
        timer.Change(dueTime, period);
        return timer;
    }

    public override string ToString() => $"SimulatedClock {FormatTicks(GetTimestamp())}";

    private static string FormatTicks(long ticks) => new DateTimeOffset(ticks, TimeSpan.Zero).ToString("yyyy-MM-dd HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static void CheckTimerSpan(TimeSpan span, string parameterName)
    {
        if (span < TimeSpan.Zero && span != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(parameterName, span, $"timer {parameterName} {span} must be ≥ 0 or Timeout.InfiniteTimeSpan");
        }
    }

    private long UtcNowMsLocked() => new DateTimeOffset(_nowTicks, TimeSpan.Zero).ToUnixTimeMilliseconds();

    /// <summary>Arms <paramref name="timer"/> (called under <see cref="_gate"/>); returns true when it is already due.</summary>
    private bool ArmLocked(SimulatedTimer timer, TimeSpan dueTime)
    {
        timer.DueTicks = checked(_nowTicks + dueTime.Ticks);
        EnqueueLocked(timer);
        return timer.DueTicks <= _nowTicks && !_firing;
    }

    private void EnqueueLocked(SimulatedTimer timer)
    {
        timer.Generation++;
        _queue.Enqueue((timer, timer.Generation), (timer.DueTicks, timer.Sequence));
        UpdateQuietLocked();
    }

    private void AdvanceToTicks(long targetTicks, bool fromTimerArm)
    {
        lock (_gate)
        {
            if (_firing)
            {
                if (fromTimerArm)
                {
                    return; // the advance in progress fires it: its due time is now, at or before that advance's target
                }

                throw new InvalidOperationException("cannot advance the clock while it is firing timers (from inside a timer callback)");
            }

            _firing = true;
            UpdateQuietLocked();
        }

        try
        {
            while (true)
            {
                SimulatedTimer timer;
                lock (_gate)
                {
                    if (!TryDequeueDueLocked(targetTicks, out timer!))
                    {
                        RaiseNowLocked(targetTicks);
                        return;
                    }

                    RaiseNowLocked(timer.DueTicks);
                    if (timer.PeriodTicks > 0)
                    {
                        timer.DueTicks += timer.PeriodTicks;
                        EnqueueLocked(timer);
                    }
                    else
                    {
                        timer.DueTicks = SimulatedTimer.Disarmed;
                    }
                }

                timer.Invoke();
            }
        }
        finally
        {
            lock (_gate)
            {
                _firing = false;
                UpdateQuietLocked();
            }
        }
    }

    /// <summary>Moves now forward to <paramref name="ticks"/> unless it is already later (the lock-free fast path may move it concurrently).</summary>
    private void RaiseNowLocked(long ticks)
    {
        var now = Volatile.Read(ref _nowTicks);
        while (now < ticks)
        {
            var seen = Interlocked.CompareExchange(ref _nowTicks, ticks, now);
            if (seen == now)
            {
                return;
            }

            now = seen;
        }
    }

    private void UpdateQuietLocked() =>
        Volatile.Write(ref _quietBeforeTicks, _firing ? long.MinValue : _queue.TryPeek(out _, out var head) ? head.DueTicks : long.MaxValue);

    /// <summary>Fires timers already due (a zero due time armed outside an advance).</summary>
    private void FireDue() => AdvanceToTicks(GetTimestamp(), fromTimerArm: true);

    private bool TryDequeueDueLocked(long targetTicks, out SimulatedTimer? timer)
    {
        while (_queue.TryPeek(out var candidate, out var priority))
        {
            if (!candidate.Timer.IsArmed(candidate.Generation))
            {
                _queue.Dequeue(); // stale entry: the timer was changed, disposed or already fired
                continue;
            }

            if (priority.DueTicks > targetTicks)
            {
                break;
            }

            _queue.Dequeue();
            timer = candidate.Timer;
            return true;
        }

        timer = null;
        return false;
    }

    private sealed class SimulatedTimer(SimulatedClock clock, TimerCallback callback, object? state, long sequence) : ITimer
    {
        public const long Disarmed = long.MinValue;

        public long Sequence { get; } = sequence;

        public long DueTicks { get; set; } = Disarmed;

        public long PeriodTicks { get; private set; }

        /// <summary>Incremented at every arming; queue entries of older generations are stale.</summary>
        public long Generation { get; set; }

        public bool IsDisposed { get; private set; }

        /// <summary>True when a queue entry of <paramref name="generation"/> is this timer's current arming.</summary>
        public bool IsArmed(long generation) => !IsDisposed && DueTicks != Disarmed && Generation == generation;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            CheckTimerSpan(dueTime, nameof(dueTime));
            CheckTimerSpan(period, nameof(period));
            bool dueNow;
            lock (clock._gate)
            {
                if (IsDisposed)
                {
                    return false;
                }

                PeriodTicks = period == Timeout.InfiniteTimeSpan ? 0 : period.Ticks;
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    DueTicks = Disarmed;
                    return true;
                }

                dueNow = clock.ArmLocked(this, dueTime);
            }

            if (dueNow)
            {
                clock.FireDue();
            }

            return true;
        }

        public void Invoke()
        {
            if (!IsDisposed)
            {
                callback(state);
            }
        }

        public void Dispose()
        {
            lock (clock._gate)
            {
                IsDisposed = true;
                DueTicks = Disarmed;
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>
    /// <see cref="DateTimeOffset.FromUnixTimeMilliseconds"/>(<paramref name="utcMs"/>).UtcTicks without building the
    /// offset (this runs once per bar of a backtest); the same range and the same exception outside it.
    /// </summary>
    private static long UnixMsToTicks(long utcMs)
    {
        if (utcMs is < MinUnixMs or > MaxUnixMs)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(utcMs).UtcTicks; // throws ArgumentOutOfRangeException naming the range
        }

        return (utcMs * TimeSpan.TicksPerMillisecond) + UnixEpochTicks;
    }

    /// <summary><see cref="DateTimeOffset.ToUnixTimeMilliseconds"/> of a UTC time in ticks .</summary>
    private static long TicksToUnixMs(long ticks) => (ticks / TimeSpan.TicksPerMillisecond) - UnixEpochMs; // ticks ≥ 0: truncation is floor
}
