namespace Quorum.Core.MarketData;

/// <summary>A side of an order book.</summary>
public enum BookSide
{
    /// <summary>Resting buy orders, best (highest) first.</summary>
    Bid,

    /// <summary>Resting sell orders, best (lowest) first.</summary>
    Ask,
}
