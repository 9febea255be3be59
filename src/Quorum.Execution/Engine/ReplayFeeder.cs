using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Execution.Venues;

namespace Quorum.Execution.Engine;

/// <summary>
/// Paper-on-replay: delivers the same <see cref="MarketReplay"/> a backtest takes through an <see cref="EventLoop"/>, the
/// paper/live loop. A producer posts every event into the loop's bounded channel in exactly the order
/// <see cref="BacktestLoop"/> delivers them (the same merge: bars at their close, finer timeframe first, bars before
/// funding at one instant), and the loop thread moves the paper <see cref="SimulatedClock"/>, fires the
/// <see cref="EngineScheduler"/>'s timers by the same rule (due strictly before an event time: before its events; due at
/// it: after them) and calls the same <see cref="IMarketReplayTarget"/>. So a bot gives the same decisions and fills on
/// either path (the parity tests check it).
/// </summary>
/// <remarks>
/// <para>
/// <b>Back-pressure.</b> The channel holds at most <see cref="Capacity"/> events; the producer waits for room, so memory is
/// bounded by the capacity plus one instant's events, not by the length of the replay.
/// </para>
/// <para>
/// <b>Pacing.</b> As fast as possible by default. With <see cref="Speed"/> the producer posts the events of engine time t
/// once (t − first event time) / speed has elapsed on <see cref="PacingClock"/> since the start (speed 1 = real time,
/// 60 = an hour of bars per minute); a loop that falls behind is caught up without waiting. Engine time stays the
/// replay's: the paper clock jumps from one event time to the next, and a timer due between two events fires when the
/// later one arrives, with the clock at its due time.
/// </para>
/// <para>
/// <b>Stopping.</b> An exception from the target (or a timer callback) stops the loop and the producer, and
/// <see cref="RunAsync"/> faults with that exception, unwrapped. Canceling the token stops both at once (the loop checks it
/// before every event) and <see cref="RunAsync"/> ends with <see cref="OperationCanceledException"/>.
/// </para>
/// <para>
/// Progress is reported from the loop thread exactly as <see cref="BacktestLoop"/> reports it: after the event time at
/// which at least <see cref="ProgressIntervalEvents"/> more events were handled, and once at the end.
/// </para>
/// </remarks>
public sealed class ReplayFeeder
{
    /// <summary>Default channel capacity (events).</summary>
    public const int DefaultCapacity = 4096;

    private readonly int _capacity = DefaultCapacity;
    private readonly double? _speed;
    private readonly long _progressIntervalEvents = 1 << 16;
    private long _posted;

    /// <summary>A feeder moving <paramref name="clock"/> (the paper clock) and firing the timers of <paramref name="scheduler"/> (which must read that clock).</summary>
    public ReplayFeeder(SimulatedClock clock, EngineScheduler scheduler) => (Clock, Scheduler) = ReplayTimeline.CheckPair(clock, scheduler);

    /// <summary>The paper clock: engine time, moved on the loop thread to each event time.</summary>
    public SimulatedClock Clock { get; }

    public EngineScheduler Scheduler { get; }

    /// <summary>Events the loop's channel holds at most (default <see cref="DefaultCapacity"/>; ≥ 1).</summary>
    public int Capacity
    {
        get => _capacity;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _capacity = value;
        }
    }

    /// <summary>Engine milliseconds per <see cref="PacingClock"/> millisecond (finite, &gt; 0); null (the default): as fast as possible.</summary>
    public double? Speed
    {
        get => _speed;
        init
        {
            if (value is { } speed && (!double.IsFinite(speed) || speed <= 0))
            {
                throw new ArgumentOutOfRangeException(nameof(value), speed, $"replay speed {speed} must be a finite number > 0 (1 = real time), or null for as fast as possible");
            }

            _speed = value;
        }
    }

    /// <summary>
    /// When true the producer posts an event only once the loop has handled the previous one, so every event meets an idle
    /// loop (the latency probe measures the paper path this way; also for stepping through a replay). Slower. Default false.
    /// </summary>
    public bool Lockstep { get; init; }

    /// <summary>Called on the producer's thread just before each replay event is posted, with its sequence number (0, 1, …): instrumentation, e.g. a latency stamp.</summary>
    public Action<long>? BeforePost { get; init; }

    /// <summary>The clock <see cref="Speed"/> waits on (default: the system's). Never read for engine time.</summary>
    public TimeProvider PacingClock { get; init; } = TimeProvider.System;

    /// <summary>Progress is reported at most once per this many events (default 65,536; ≥ 1).</summary>
    public long ProgressIntervalEvents
    {
        get => _progressIntervalEvents;
        init => _progressIntervalEvents = ReplayTimeline.CheckInterval(value);
    }

    /// <summary>Events the producer has posted into the loop so far (the loop's backlog is this less what the target has seen). Any thread.</summary>
    public long PostedCount => Volatile.Read(ref _posted);

    /// <summary>
    /// Replays every event of <paramref name="replay"/> into <paramref name="target"/> through an <see cref="EventLoop"/>
    /// (the target runs on the loop's thread). Progress goes to <paramref name="progress"/> (from the loop thread).
    /// Returns what <see cref="BacktestLoop.Run"/> returns for the same replay.
    /// </summary>
    /// <exception cref="InvalidOperationException">The replay is invalid (<see cref="MarketReplay.Validate"/>) or the clock already stands after its first event.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public async Task<ReplayResult> RunAsync(
        MarketReplay replay,
        IMarketReplayTarget target,
        IProgress<ReplayProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var (timeline, merge) = ReplayTimeline.Start(Clock, Scheduler, replay, target, progress, _progressIntervalEvents, cancellationToken);
        using var handled = Lockstep ? new SemaphoreSlim(0) : null;
        var handler = new LoopSide(timeline, target, handled);
        var loop = new EventLoop(RefusingListener.Instance, Scheduler, _capacity, handler);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = loop.RunAsync(stop.Token);
        try
        {
            await ProduceAsync(merge, loop, running, handled, timeline.EndTimeMs, stop.Token).ConfigureAwait(false);
        }
        catch (Exception) when (loop.IsStopped)
        {
            // The loop stopped first (the target threw, or the run was canceled): its task says why.
        }
        catch (Exception)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        await running.ConfigureAwait(false);
        return handler.Result ?? throw new InvalidOperationException("paper-on-replay: the event loop ended before the end of the replay");
    }

    private async Task ProduceAsync(ReplayMerge merge, EventLoop loop, Task running, SemaphoreSlim? handled, long endMs, CancellationToken cancellationToken)
    {
        var instant = new InstantBuffer();
        var pacing = _speed is { } speed ? new Pacing(PacingClock, speed, merge.NextTimeMs) : null;
        while (!merge.IsDone)
        {
            if (pacing is not null)
            {
                await pacing.WaitForAsync(merge.NextTimeMs, cancellationToken).ConfigureAwait(false);
            }

            instant.Count = 0;
            merge.DeliverNext(instant);
            var events = instant.Events;
            events[instant.Count - 1] = events[instant.Count - 1].EndingInstant();
            for (var i = 0; i < instant.Count; i++)
            {
                BeforePost?.Invoke(_posted);
                if (!loop.TryPost(in events[i]))
                {
                    await loop.PostAsync(events[i], cancellationToken).ConfigureAwait(false);
                }

                Volatile.Write(ref _posted, _posted + 1);
                if (handled is not null)
                {
                    await WaitHandledAsync(handled, running, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        await loop.PostAsync(EngineEvent.ForReplayEnd(endMs), cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _posted, _posted + 1);
        loop.Complete();
    }

    /// <summary>Lockstep: waits until the loop has handled the event just posted (or has stopped: then the caller learns why from its task).</summary>
    private static async Task WaitHandledAsync(SemaphoreSlim handled, Task running, CancellationToken cancellationToken)
    {
        var wait = handled.WaitAsync(cancellationToken);
        if (!wait.IsCompleted && await Task.WhenAny(wait, running).ConfigureAwait(false) != wait)
        {
            throw new InvalidOperationException("paper-on-replay: the event loop stopped while the producer waited for it");
        }

        await wait.ConfigureAwait(false);
    }

    /// <summary>Collects the events of one instant, in merge order, as replay events (reused: grows to the largest instant).</summary>
    private sealed class InstantBuffer : IMarketReplayTarget
    {
        public EngineEvent[] Events = new EngineEvent[16];
        public int Count;

        public void OnReplayBar(Symbol symbol, Timeframe timeframe, in Bar bar, BarRole role) =>
            Add(EngineEvent.ForReplayBar(symbol, timeframe, in bar, role, endsInstant: false));

        public void OnReplayFunding(FundingRate rate) => Add(EngineEvent.ForReplayFunding(rate, endsInstant: false));

        private void Add(in EngineEvent replayEvent)
        {
            if (Count == Events.Length)
            {
                Array.Resize(ref Events, Events.Length * 2);
            }

            Events[Count++] = replayEvent;
        }
    }

    /// <summary>On the loop thread: the replay's clock and timer rules around each event, then the target.</summary>
    private sealed class LoopSide(ReplayTimeline timeline, IMarketReplayTarget target, SemaphoreSlim? handled) : IReplayEventHandler
    {
        private int _eventsAtInstant;

        public ReplayResult? Result { get; private set; }

        public void Handle(in EngineEvent replayEvent)
        {
            var time = replayEvent.TimeMs;
            if (replayEvent.Kind == EngineEventKind.ReplayEnd)
            {
                Result = timeline.Finish();
                return;
            }

            if (_eventsAtInstant == 0)
            {
                timeline.BeginInstant(time);
            }

            _eventsAtInstant++;
            if (replayEvent.Kind == EngineEventKind.ReplayBar)
            {
                var bar = replayEvent.Bar;
                target.OnReplayBar(replayEvent.Symbol, replayEvent.Timeframe, in bar, replayEvent.Role);
            }
            else
            {
                target.OnReplayFunding(replayEvent.FundingRate!);
            }

            if (replayEvent.EndsInstant)
            {
                timeline.EndInstant(time, _eventsAtInstant);
                _eventsAtInstant = 0;
            }

            handled?.Release();
        }
    }

    /// <summary>Waits on the pacing clock until engine time t is due: (t − first) / speed after the start.</summary>
    private sealed class Pacing(TimeProvider timeProvider, double speed, long firstEventMs)
    {
        private readonly long _start = timeProvider.GetTimestamp();

        public Task WaitForAsync(long timeMs, CancellationToken cancellationToken)
        {
            var remaining = TimeSpan.FromMilliseconds((timeMs - firstEventMs) / speed) - timeProvider.GetElapsedTime(_start);
            return remaining > TimeSpan.Zero ? Task.Delay(remaining, timeProvider, cancellationToken) : Task.CompletedTask;
        }
    }

    /// <summary>The loop's listener: a paper-on-replay loop carries only replay events (the exchange reports to its own listener directly).</summary>
    private sealed class RefusingListener : IVenueListener
    {
        public static readonly RefusingListener Instance = new();

        public void OnBar(Symbol symbol, Timeframe timeframe, in Bar bar) => throw Refused($"bar {symbol} {timeframe} {bar}");

        public void OnExecutionReport(ExecutionReport report) => throw Refused($"report {report}");

        public void OnFunding(FundingPayment payment) => throw Refused($"funding {payment}");

        private static InvalidOperationException Refused(string what) =>
            new($"paper-on-replay: the feeder's event loop carries only replay events; the simulated exchange reports to its listener directly (got {what})");
    }
}
