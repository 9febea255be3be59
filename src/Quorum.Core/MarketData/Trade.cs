using Quorum.Core.Instruments;
using Quorum.Core.Trading;

namespace Quorum.Core.MarketData;

/// <summary>
/// One public trade print (a tick): <see cref="AggressorSide"/> is the side of the taker
/// (Buy = a buyer lifted the ask). Price and quantity are positive; anything else is a bug.
/// </summary>
public sealed record Trade
{
    public Trade(Symbol symbol, long timeMs, decimal price, decimal quantity, OrderSide aggressorSide, string tradeId)
    {
        Symbol = Guard.Symbol(symbol);
        TimeMs = timeMs;
        Price = Guard.Positive(price, $"{symbol} trade price");
        Quantity = Guard.Positive(quantity, $"{symbol} trade quantity");
        AggressorSide = Guard.Defined(aggressorSide);
        TradeId = Guard.NotBlank(tradeId, $"{symbol} trade id");
    }

    public Symbol Symbol { get; }

    /// <summary>Venue trade time (UTC ms).</summary>
    public long TimeMs { get; }

    public decimal Price { get; }

    /// <summary>Base-asset quantity.</summary>
    public decimal Quantity { get; }

    /// <summary>Side of the taker that crossed the spread.</summary>
    public OrderSide AggressorSide { get; }

    /// <summary>Venue trade id (Binance <c>a</c>/<c>t</c>, Bybit <c>i</c>).</summary>
    public string TradeId { get; }

    /// <summary>price × quantity (quote asset).</summary>
    public decimal Notional => Price * Quantity;

    public DateTimeOffset Time => DateTimeOffset.FromUnixTimeMilliseconds(TimeMs);
}
