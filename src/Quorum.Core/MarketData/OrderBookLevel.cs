namespace Quorum.Core.MarketData;

/// <summary>One price level of an order book: a positive price and the positive quantity (base asset) resting there.</summary>
public readonly record struct OrderBookLevel
{
    public OrderBookLevel(decimal price, decimal quantity)
    {
        Price = Guard.Positive(price, "book level price");
        Quantity = Guard.Positive(quantity, $"book level {price} quantity");
    }

    public decimal Price { get; }

    public decimal Quantity { get; }

    /// <summary>price × quantity (quote asset).</summary>
    public decimal Notional => Price * Quantity;

    public override string ToString() => $"{Quantity}@{Price}";
}
