namespace Quorum.Execution.Oms;

/// <summary>Why a trade ended.</summary>
public enum TradeExitReason
{
    /// <summary>Still open.</summary>
    None,

    /// <summary>The protective stop filled at its planned (or manually adjusted) price.</summary>
    StopLoss,

    /// <summary>The last exit was a take-profit.</summary>
    TakeProfit,

    /// <summary>The stop filled after the trail had moved it.</summary>
    TrailingStop,

    /// <summary>The stop filled after the break-even move (and before any trail move).</summary>
    BreakEven,

    /// <summary>Closed at market by the time stop.</summary>
    TimeStop,

    /// <summary>Closed or cancelled on request (<see cref="OrderManager.CloseTrade(string, string)"/>, CANCEL_ORDER).</summary>
    Manual,

    /// <summary>Closed at market on a strategy's exit signal.</summary>
    Signal,

    /// <summary>The venue liquidated the position.</summary>
    Liquidation,

    /// <summary>The venue refused the entry (filters, balance, post-only retries used up).</summary>
    Rejected,

    /// <summary>The entry expired by its time in force (IOC/FOK remainder) before anything filled.</summary>
    Expired,
}
