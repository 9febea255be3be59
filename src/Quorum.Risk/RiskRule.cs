namespace Quorum.Risk;

/// <summary>The rule behind a resize or a denial (<see cref="None"/> for a plain approval). Documented in docs/risk.md.</summary>
public enum RiskRule
{
    /// <summary>No rule intervened.</summary>
    None,

    /// <summary>ATR is NaN, infinite, zero or negative: the signal cannot be sized.</summary>
    InvalidAtr,

    /// <summary>Equity or the reference price is not positive.</summary>
    InvalidInput,

    /// <summary>The stop is on the wrong side of the entry (or rounds to zero).</summary>
    StopSide,

    /// <summary>Tick, step, minimum quantity, minimum notional or maximum quantity of the instrument.</summary>
    ExchangeFilter,

    /// <summary><c>max_daily_loss_pct</c>: trading paused until the next UTC day.</summary>
    DailyLock,

    /// <summary><c>kill_switch_drawdown_72h</c>: halted until an audited manual unlock.</summary>
    KillSwitch,

    /// <summary>A health gate (clock drift over <c>ntp_skew_ms</c>, candle integrity, a lost <c>require_streams</c> stream) paused trading.</summary>
    HealthPause,

    /// <summary><c>no_martingale</c>: adding to a losing position.</summary>
    Martingale,

    /// <summary><c>pyramiding</c> / <c>pyramiding_add</c>: an add to a winner that is not allowed (pyramiding off, not yet at +at_r, already added).</summary>
    Pyramiding,

    /// <summary>A position on the other side of the same symbol is open.</summary>
    OppositePosition,

    /// <summary><c>max_portfolio_r_pct</c>: total open risk of all positions.</summary>
    PortfolioRisk,

    /// <summary><c>leverage_cap</c>: gross exposure / equity.</summary>
    Leverage,

    /// <summary>Portfolio limit on net exposure / equity.</summary>
    NetExposure,

    /// <summary>Portfolio limit on the number of R open at once.</summary>
    ConcurrentR,

    /// <summary>Too many open positions with |ρ| above the correlation threshold.</summary>
    Correlation,

    /// <summary>Balance check (seed 003 RiskManager): a spot buy cannot spend more than the free quote balance.</summary>
    Balance,

    /// <summary>The strategy asked for at most a quote amount (a DCA step amount): the plan is cut to it, never raised.</summary>
    StrategyCap,
}
