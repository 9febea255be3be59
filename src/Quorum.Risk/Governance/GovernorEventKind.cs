namespace Quorum.Risk.Governance;

/// <summary>What changed in the governor.</summary>
public enum GovernorEventKind
{
    /// <summary>The day's loss reached <c>max_daily_loss_pct</c>: locked until the next UTC day.</summary>
    DailyLockEngaged,

    /// <summary>A new UTC day lifted the daily lock.</summary>
    DailyLockReleased,

    /// <summary>The 72 h drawdown reached <c>kill_switch_drawdown_72h</c>: halted until a manual unlock.</summary>
    KillSwitchEngaged,

    /// <summary>An operator lifted the kill switch (audited).</summary>
    KillSwitchUnlocked,

    /// <summary>A health gate paused trading (clock drift, candle integrity, a required stream lost).</summary>
    HealthPaused,

    /// <summary>Every health gate is healthy again.</summary>
    HealthResumed,
}
