namespace Quorum.Execution.Venues;

/// <summary>Why a venue refused an order, in the categories Binance and Bybit both report.</summary>
public enum OrderRejectCode
{
    /// <summary>Not a rejection.</summary>
    None,

    /// <summary>Price not on the tick grid (Binance -1013 PRICE_FILTER).</summary>
    PriceFilter,

    /// <summary>Quantity not on the step grid, below min or above max (Binance -1013 LOT_SIZE).</summary>
    LotSize,

    /// <summary>Notional below the minimum (Binance -1013 NOTIONAL / -4164 MIN_NOTIONAL).</summary>
    MinNotional,

    /// <summary>A post-only order would have taken liquidity (Binance -5022, Bybit EC_PostOnlyWillTakeLiquidity).</summary>
    PostOnlyWouldTake,

    /// <summary>Not enough balance or margin (Binance -2010/-2019, Bybit 110007).</summary>
    InsufficientBalance,

    /// <summary>A reduce-only order would increase or open a position (Binance -2022, Bybit 110017).</summary>
    ReduceOnlyRejected,

    /// <summary>Stop order whose trigger is already crossed (Binance -2021 "would immediately trigger").</summary>
    WouldTriggerImmediately,

    /// <summary>A fill-or-kill order could not fill completely.</summary>
    FillOrKillUnfillable,

    /// <summary>The client order id was already used (Binance -2010 duplicate, Bybit 10001).</summary>
    DuplicateClientOrderId,

    /// <summary>Leverage above the venue's or the account's limit.</summary>
    LeverageExceeded,

    /// <summary>A cancel or amend names no open order: never sent, of another symbol, or already filled, canceled, rejected or expired (Binance -2011 "Unknown order sent.", Bybit 110001 "Order does not exist").</summary>
    UnknownOrder,

    /// <summary>Anything else; the reason text says what.</summary>
    Other,
}
