using Quorum.Core.Time;

namespace Quorum.Execution.Engine;

/// <summary>
/// The backtest driver: merges a <see cref="MarketReplay"/> into one time-ordered event sequence and feeds it to an
/// <see cref="IMarketReplayTarget"/> (the simulated exchange) on the calling thread, moving a <see cref="SimulatedClock"/>
/// and firing an <see cref="EngineScheduler"/>'s timers on the way.
/// </summary>
/// <remarks>
/// <para>
/// Event time is a bar's close time (open + timeframe) and a funding rate's funding time, so a bar is delivered only
/// once it has closed: a 1h bar opening 10:00 arrives at 11:00, after the 1m bar opening 10:59 (no look-ahead by
/// construction). At one instant: bars before funding; among bars, the finer timeframe first, then the stream added
/// first; funding rates in the order their series were added.
/// </para>
/// <para>
/// For each distinct event time t: (1) the scheduler's timers due strictly before t fire (the clock advanced to each
/// one's due time); (2) the clock advances to t — <see cref="TimeProvider"/> timers created on the clock itself fire
/// inside that advance, before the events; (3) the events at t go to the target; (4) the timers due exactly at t fire,
/// so they see every bar that closed at t. After the last event the timers due up to <see cref="MarketReplay.EndTimeMs"/>
/// (default: the last event's time) fire and the clock ends there.
/// </para>
/// <para>
/// Cost: the merge scans the stream heads once per distinct event time (O(1) per bar when the streams share a time
/// grid, O(streams) per instant otherwise); nothing is allocated per event. Progress and cancellation are checked
/// every <see cref="ProgressIntervalEvents"/> events.
/// </para>
/// </remarks>
public sealed class BacktestLoop
{
    private long _progressIntervalEvents = 1 << 16;

    /// <summary>A driver moving <paramref name="clock"/> and firing the timers of <paramref name="scheduler"/> (which must read that clock).</summary>
    public BacktestLoop(SimulatedClock clock, EngineScheduler scheduler) => (Clock, Scheduler) = ReplayTimeline.CheckPair(clock, scheduler);

    public SimulatedClock Clock { get; }

    public EngineScheduler Scheduler { get; }

    /// <summary>Progress is reported, and cancellation checked, at most once per this many events (default 65,536; ≥ 1).</summary>
    public long ProgressIntervalEvents
    {
        get => _progressIntervalEvents;
        init => _progressIntervalEvents = ReplayTimeline.CheckInterval(value);
    }

    /// <summary>
    /// Replays every event of <paramref name="replay"/> into <paramref name="target"/> (see the remarks for the order and
    /// the clock and timer rules). Progress goes to <paramref name="progress"/> every <see cref="ProgressIntervalEvents"/>
    /// events and once at the end.
    /// </summary>
    /// <exception cref="InvalidOperationException">The replay is invalid (<see cref="MarketReplay.Validate"/>) or the clock already stands after its first event.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled (checked with progress).</exception>
    public ReplayResult Run(
        MarketReplay replay,
        IMarketReplayTarget target,
        IProgress<ReplayProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var (timeline, merge) = ReplayTimeline.Start(Clock, Scheduler, replay, target, progress, _progressIntervalEvents, cancellationToken);
        while (!merge.IsDone)
        {
            var time = merge.NextTimeMs;
            timeline.BeginInstant(time);
            var delivered = merge.DeliverNext(target);
            if (timeline.EndInstant(time, delivered))
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        return timeline.Finish();
    }
}
