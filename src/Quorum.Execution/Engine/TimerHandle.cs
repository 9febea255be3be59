namespace Quorum.Execution.Engine;

/// <summary>A timer created by <see cref="EngineScheduler"/>; pass it to <see cref="EngineScheduler.Cancel"/>. The default handle is no timer.</summary>
public readonly record struct TimerHandle
{
    internal TimerHandle(EngineScheduler.ScheduledTimer timer)
    {
        Timer = timer;
    }

    /// <summary>The timer's creation sequence in its scheduler (0 for the default handle).</summary>
    public long Id => Timer?.Sequence ?? 0;

    /// <summary>True while the timer will still fire (not canceled, and for a one-shot timer not fired yet).</summary>
    public bool IsPending => Timer is { IsPending: true };

    /// <summary>When the timer fires next (UTC ms), or null when it is no longer pending.</summary>
    public long? DueMs => Timer is { IsPending: true } timer ? timer.DueMs : null;

    internal EngineScheduler.ScheduledTimer? Timer { get; }

    public override string ToString() => Timer is null ? "timer (none)" : Timer.ToString();
}
