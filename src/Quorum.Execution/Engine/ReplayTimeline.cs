using System.Runtime.CompilerServices;
using Quorum.Core.Time;

namespace Quorum.Execution.Engine;

/// <summary>
/// The clock, timer and progress rules of one replay, shared by both drivers (<see cref="BacktestLoop"/> on the calling
/// thread, <see cref="ReplayFeeder"/> on the <see cref="EventLoop"/>'s thread). For each distinct event time t:
/// <see cref="BeginInstant"/> fires the scheduler's timers due strictly before t (the clock advanced to each one's due
/// time) and advances the clock to t; the driver delivers the events at t; <see cref="EndInstant"/> fires the timers due
/// exactly at t and reports progress every <c>progressIntervalEvents</c> events. <see cref="Finish"/> fires the timers due
/// up to the replay's end time and leaves the clock there.
/// </summary>
internal sealed class ReplayTimeline
{
    private readonly SimulatedClock _clock;
    private readonly EngineScheduler _scheduler;
    private readonly MarketReplay _replay;
    private readonly IProgress<ReplayProgress>? _progress;
    private readonly long _progressIntervalEvents;
    private readonly long _total;
    private readonly long _startMs;
    private readonly long _firedBefore;
    private readonly long? _firstEventMs;
    private readonly long? _lastEventMs;
    private long _nextCheck;

    /// <summary>The rules for <paramref name="replay"/> (already validated) on <paramref name="clock"/>, which must not stand after its first event.</summary>
    /// <exception cref="InvalidOperationException">The clock already stands after the first event.</exception>
    public ReplayTimeline(SimulatedClock clock, EngineScheduler scheduler, MarketReplay replay, IProgress<ReplayProgress>? progress, long progressIntervalEvents)
    {
        _clock = clock;
        _scheduler = scheduler;
        _replay = replay;
        _progress = progress;
        _progressIntervalEvents = progressIntervalEvents;
        _nextCheck = progressIntervalEvents;
        _total = replay.EventCount;
        _firstEventMs = replay.FirstEventTimeMs;
        _lastEventMs = replay.LastEventTimeMs;
        _startMs = clock.UtcNowMs;
        _firedBefore = scheduler.FiredCount;
        if (_firstEventMs is { } first && first < _startMs)
        {
            throw new InvalidOperationException(
                $"replay: the clock stands at {_startMs} ({EngineTime.Format(_startMs)}), after the first event at {first} ({EngineTime.Format(first)}); " +
                "start the clock at or before the first bar's close");
        }
    }

    /// <summary>
    /// The start of a run: checks the arguments and <paramref name="replay"/> (<see cref="MarketReplay.Validate"/>), then the
    /// rules and the merge of the run.
    /// </summary>
    public static (ReplayTimeline Timeline, ReplayMerge Merge) Start(
        SimulatedClock clock, EngineScheduler scheduler, MarketReplay replay, IMarketReplayTarget target, IProgress<ReplayProgress>? progress,
        long progressIntervalEvents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replay);
        ArgumentNullException.ThrowIfNull(target);
        replay.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        return (new ReplayTimeline(clock, scheduler, replay, progress, progressIntervalEvents), new ReplayMerge(replay));
    }

    /// <summary>Where the run ends: <see cref="MarketReplay.EndTimeMs"/>, else the last event's time, else the start (an empty replay).</summary>
    public long EndTimeMs => _replay.EndTimeMs ?? _lastEventMs ?? _startMs;

    /// <summary>Events delivered so far.</summary>
    public long Processed { get; private set; }

    public long Total => _total;

    /// <summary>A driver's clock and scheduler, checked: both given, and <paramref name="scheduler"/> reads <paramref name="clock"/> (a driver moves the one and fires the other).</summary>
    public static (SimulatedClock Clock, EngineScheduler Scheduler) CheckPair(SimulatedClock clock, EngineScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(scheduler);
        if (!ReferenceEquals(scheduler.TimeProvider, clock))
        {
            throw new ArgumentException("the scheduler must read the loop's clock (create it with new EngineScheduler(clock))", nameof(scheduler));
        }

        return (clock, scheduler);
    }

    /// <summary>A driver's progress interval, checked (≥ 1 event).</summary>
    public static long CheckInterval(long progressIntervalEvents)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(progressIntervalEvents, 1, "ProgressIntervalEvents");
        return progressIntervalEvents;
    }

    /// <summary>Before the first event at <paramref name="timeMs"/>: the timers due strictly before it fire, then the clock moves to it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void BeginInstant(long timeMs)
    {
        if (_scheduler.NextDueMs < timeMs)
        {
            _scheduler.FireBefore(timeMs);
        }

        _clock.AdvanceToAsSoleAdvancer(timeMs); // the replay's thread is the only one moving a backtest's clock
    }

    /// <summary>After the <paramref name="events"/> events at <paramref name="timeMs"/>: the timers due then fire; true when progress was reported (check cancellation).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool EndInstant(long timeMs, int events)
    {
        if (_scheduler.NextDueMs <= timeMs)
        {
            _scheduler.FireDue(timeMs);
        }

        Processed += events;
        if (Processed < _nextCheck)
        {
            return false;
        }

        _nextCheck = Processed + _progressIntervalEvents;
        _progress?.Report(new ReplayProgress(Processed, _total, timeMs));
        return true;
    }

    /// <summary>After the last event: the timers due up to the end time (<see cref="MarketReplay.EndTimeMs"/>, else the last event's) fire and the clock ends there.</summary>
    public ReplayResult Finish()
    {
        var end = EndTimeMs;
        _scheduler.FireDue(end);
        if (_clock.UtcNowMs < end)
        {
            _clock.AdvanceTo(end);
        }

        _progress?.Report(new ReplayProgress(Processed, _total, _clock.UtcNowMs));
        return new ReplayResult(Processed, _replay.BarCount, _replay.FundingCount, _firstEventMs, _lastEventMs, _clock.UtcNowMs, _scheduler.FiredCount - _firedBefore);
    }
}
