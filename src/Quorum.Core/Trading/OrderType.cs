namespace Quorum.Core.Trading;

/// <summary>Order types common to Binance (spot, USDT-M) and Bybit V5.</summary>
public enum OrderType
{
    /// <summary>Fills immediately at the best available prices; no limit price.</summary>
    Market,

    /// <summary>Rests at (or fills better than) a limit price.</summary>
    Limit,

    /// <summary>Becomes a market order when the stop (trigger) price is touched: a stop-loss.</summary>
    StopMarket,

    /// <summary>Becomes a limit order when the stop (trigger) price is touched.</summary>
    StopLimit,

    /// <summary>Becomes a market order when the take-profit (trigger) price is touched.</summary>
    TakeProfitMarket,

    /// <summary>Becomes a limit order when the take-profit (trigger) price is touched.</summary>
    TakeProfitLimit,
}
