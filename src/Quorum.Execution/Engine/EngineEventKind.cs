namespace Quorum.Execution.Engine;

/// <summary>What an <see cref="EngineEvent"/> carries.</summary>
public enum EngineEventKind
{
    /// <summary>The default event (never posted).</summary>
    None = 0,

    /// <summary>A closed bar of a symbol × timeframe.</summary>
    Bar,

    /// <summary>An execution report from the venue.</summary>
    ExecutionReport,

    /// <summary>A settled funding payment.</summary>
    Funding,

    /// <summary>A wake-up from the time provider's timer: fire the scheduler's due timers.</summary>
    TimerTick,
}
