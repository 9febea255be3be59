using Quorum.Core.Instruments;

namespace Quorum.Core.Trading;

/// <summary>
/// One execution of (part of) an order. <see cref="Fee"/> is in <see cref="FeeAsset"/> and may be
/// negative (a maker rebate).
/// </summary>
public sealed record Fill
{
    public Fill(
        string clientOrderId,
        Symbol symbol,
        OrderSide side,
        decimal price,
        decimal quantity,
        decimal fee,
        string feeAsset,
        LiquiditySide liquidity,
        long timeMs,
        string? tradeId = null)
    {
        ClientOrderId = Trading.ClientOrderId.Validate(clientOrderId, nameof(clientOrderId));
        Symbol = Guard.Symbol(symbol);
        Side = Guard.Defined(side);
        Price = Guard.Positive(price, $"fill of {clientOrderId} price");
        Quantity = Guard.Positive(quantity, $"fill of {clientOrderId} quantity");
        Fee = fee;
        FeeAsset = Guard.NotBlank(feeAsset, "fee asset").Trim().ToUpperInvariant();
        Liquidity = Guard.Defined(liquidity);
        TimeMs = timeMs;
        TradeId = tradeId;
    }

    /// <summary>The client order id of the order that filled.</summary>
    public string ClientOrderId { get; }

    public Symbol Symbol { get; }

    public OrderSide Side { get; }

    public decimal Price { get; }

    public decimal Quantity { get; }

    /// <summary>Fee charged (negative for a rebate), in <see cref="FeeAsset"/>.</summary>
    public decimal Fee { get; }

    /// <summary>Asset the fee is charged in (upper case), e.g. <c>USDT</c>, <c>BNB</c>.</summary>
    public string FeeAsset { get; }

    public LiquiditySide Liquidity { get; }

    /// <summary>Venue execution time (UTC ms).</summary>
    public long TimeMs { get; }

    /// <summary>Venue trade id, when known.</summary>
    public string? TradeId { get; }

    /// <summary>price × quantity (quote asset).</summary>
    public decimal Notional => Price * Quantity;
}
