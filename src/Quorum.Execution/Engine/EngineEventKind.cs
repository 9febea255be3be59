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

    /// <summary>A replayed closed bar with its role, for the replay target (paper-on-replay, <see cref="ReplayFeeder"/>).</summary>
    ReplayBar,

    /// <summary>A replayed funding rate, for the replay target to settle (<see cref="ReplayFeeder"/>).</summary>
    ReplayFunding,

    /// <summary>The end of a replay: its last timers fire (<see cref="ReplayFeeder"/>).</summary>
    ReplayEnd,
}
