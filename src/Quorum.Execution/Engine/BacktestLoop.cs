using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
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
    public BacktestLoop(SimulatedClock clock, EngineScheduler scheduler)
    {
        Clock = clock ?? throw new ArgumentNullException(nameof(clock));
        Scheduler = scheduler ?? throw new ArgumentNullException(nameof(scheduler));
        if (!ReferenceEquals(scheduler.TimeProvider, clock))
        {
            throw new ArgumentException("the scheduler must read the loop's clock (create it with new EngineScheduler(clock))", nameof(scheduler));
        }
    }

    public SimulatedClock Clock { get; }

    public EngineScheduler Scheduler { get; }

    /// <summary>Progress is reported, and cancellation checked, at most once per this many events (default 65,536; ≥ 1).</summary>
    public long ProgressIntervalEvents
    {
        get => _progressIntervalEvents;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _progressIntervalEvents = value;
        }
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
        ArgumentNullException.ThrowIfNull(replay);
        ArgumentNullException.ThrowIfNull(target);
        replay.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        var firstEvent = replay.FirstEventTimeMs;
        var lastEvent = replay.LastEventTimeMs;
        var startMs = Clock.UtcNowMs;
        if (firstEvent is { } first && first < startMs)
        {
            throw new InvalidOperationException(
                $"backtest: the clock stands at {startMs} ({EngineTime.Format(startMs)}), after the first event at {first} ({EngineTime.Format(first)}); " +
                "start the clock at or before the first bar's close");
        }

        var cursors = CreateCursors(replay);
        var funding = MergeFunding(replay);
        var total = replay.EventCount;
        var firedBefore = Scheduler.FiredCount;
        var processed = Replay(cursors, funding, target, total, progress, cancellationToken);

        var end = replay.EndTimeMs ?? lastEvent ?? startMs;
        Scheduler.FireDue(end);
        if (Clock.UtcNowMs < end)
        {
            Clock.AdvanceTo(end);
        }

        progress?.Report(new ReplayProgress(processed, total, Clock.UtcNowMs));
        return new ReplayResult(processed, replay.BarCount, replay.FundingCount, firstEvent, lastEvent, Clock.UtcNowMs, Scheduler.FiredCount - firedBefore);
    }

    private long Replay(Cursor[] cursors, FundingRate[] funding, IMarketReplayTarget target, long total, IProgress<ReplayProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Clock;
        var scheduler = Scheduler;
        var active = cursors.Length;
        var fundingIndex = 0;
        long processed = 0;
        var nextCheck = _progressIntervalEvents;

        var time = long.MaxValue;
        for (var i = 0; i < active; i++)
        {
            time = Math.Min(time, cursors[i].NextCloseMs);
        }

        if (funding.Length > 0)
        {
            time = Math.Min(time, funding[0].FundingTimeMs);
        }

        while (time != long.MaxValue)
        {
            if (scheduler.NextDueMs < time)
            {
                scheduler.FireBefore(time);
            }

            clock.AdvanceTo(time);
            var next = long.MaxValue;
            var exhausted = false;
            for (var i = 0; i < active; i++)
            {
                ref var cursor = ref cursors[i];
                if (cursor.NextCloseMs == time)
                {
                    target.OnReplayBar(cursor.Symbol, cursor.Timeframe, in cursor.Bars[cursor.Index], cursor.Role);
                    processed++;
                    if (++cursor.Index < cursor.RunEnd)
                    {
                        cursor.NextCloseMs += cursor.TimeframeMs; // inside a gap-free run: no need to read the next bar
                    }
                    else if (cursor.Index < cursor.End)
                    {
                        cursor.NextCloseMs = cursor.Bars[cursor.Index].OpenTimeMs + cursor.TimeframeMs;
                        cursor.RunEnd = cursor.NextGap < cursor.GapStarts.Length ? cursor.Offset + cursor.GapStarts[cursor.NextGap++] : cursor.End;
                    }
                    else
                    {
                        cursor.NextCloseMs = long.MaxValue;
                        exhausted = true;
                    }
                }

                if (cursor.NextCloseMs < next)
                {
                    next = cursor.NextCloseMs;
                }
            }

            if (exhausted)
            {
                active = Compact(cursors, active);
            }

            while (fundingIndex < funding.Length && funding[fundingIndex].FundingTimeMs == time)
            {
                target.OnReplayFunding(funding[fundingIndex++]);
                processed++;
            }

            if (fundingIndex < funding.Length && funding[fundingIndex].FundingTimeMs < next)
            {
                next = funding[fundingIndex].FundingTimeMs;
            }

            if (scheduler.NextDueMs <= time)
            {
                scheduler.FireDue(time);
            }

            if (processed >= nextCheck)
            {
                nextCheck = processed + _progressIntervalEvents;
                progress?.Report(new ReplayProgress(processed, total, time));
                cancellationToken.ThrowIfCancellationRequested();
            }

            time = next;
        }

        return processed;
    }

    /// <summary>Drops exhausted cursors, keeping the others in order.</summary>
    private static int Compact(Cursor[] cursors, int active)
    {
        var kept = 0;
        for (var i = 0; i < active; i++)
        {
            if (cursors[i].NextCloseMs != long.MaxValue)
            {
                cursors[kept++] = cursors[i];
            }
        }

        Array.Clear(cursors, kept, active - kept);
        return kept;
    }

    /// <summary>Cursors of the non-empty streams, finer timeframe first, then registration order (the tie rule).</summary>
    private static Cursor[] CreateCursors(MarketReplay replay)
    {
        var streams = replay.Streams;
        var order = Enumerable.Range(0, streams.Count)
            .Where(i => streams[i].Count > 0)
            .OrderBy(i => streams[i].Timeframe.Milliseconds)
            .ThenBy(i => i)
            .ToArray();
        var cursors = new Cursor[order.Length];
        for (var k = 0; k < order.Length; k++)
        {
            var stream = streams[order[k]];
            cursors[k] = new Cursor
            {
                Bars = stream.Array,
                Index = stream.Offset,
                End = stream.Offset + stream.Count,
                Offset = stream.Offset,
                GapStarts = stream.GapStarts,
                NextGap = stream.GapStarts.Length > 0 ? 1 : 0,
                RunEnd = stream.GapStarts.Length > 0 ? stream.Offset + stream.GapStarts[0] : stream.Offset + stream.Count,
                TimeframeMs = stream.Timeframe.Milliseconds,
                NextCloseMs = stream.FirstCloseTimeMs,
                Symbol = stream.Symbol,
                Timeframe = stream.Timeframe,
                Role = stream.Role,
            };
        }

        return cursors;
    }

    /// <summary>All funding rates by time, then series registration order (each series is already in time order).</summary>
    private static FundingRate[] MergeFunding(MarketReplay replay) =>
        replay.Funding
            .SelectMany((series, seriesIndex) => series.Rates.Select(rate => (rate, seriesIndex)))
            .OrderBy(item => item.rate.FundingTimeMs)
            .ThenBy(item => item.seriesIndex)
            .Select(item => item.rate)
            .ToArray();

    private struct Cursor
    {
        public Bar[] Bars;
        public int Index;
        public int End;
        public int RunEnd;
        public int Offset;
        public int NextGap;
        public int[] GapStarts;
        public long NextCloseMs;
        public long TimeframeMs;
        public Symbol Symbol;
        public Timeframe Timeframe;
        public BarRole Role;
    }
}
