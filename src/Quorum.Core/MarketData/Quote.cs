using Quorum.Core.Instruments;

namespace Quorum.Core.MarketData;

/// <summary>
/// Top of book (Binance <c>bookTicker</c>, Bybit <c>orderbook.1</c>): best bid and ask with their
/// quantities. Validated: positive values and bid &lt; ask (never crossed or locked).
/// </summary>
public sealed record Quote
{
    public Quote(Symbol symbol, long timeMs, decimal bidPrice, decimal bidQuantity, decimal askPrice, decimal askQuantity)
    {
        Symbol = Guard.Symbol(symbol);
        TimeMs = timeMs;
        BidPrice = Guard.Positive(bidPrice, $"{symbol} bid price");
        BidQuantity = Guard.Positive(bidQuantity, $"{symbol} bid quantity");
        AskPrice = Guard.Positive(askPrice, $"{symbol} ask price");
        AskQuantity = Guard.Positive(askQuantity, $"{symbol} ask quantity");
        if (bidPrice >= askPrice)
        {
            throw new ArgumentException($"{symbol} quote at {timeMs} is crossed: bid {bidPrice} ≥ ask {askPrice} (bid must be below ask)", nameof(bidPrice));
        }
    }

    public Symbol Symbol { get; }

    /// <summary>Venue time (UTC ms).</summary>
    public long TimeMs { get; }

    public decimal BidPrice { get; }

    public decimal BidQuantity { get; }

    public decimal AskPrice { get; }

    public decimal AskQuantity { get; }

    public decimal MidPrice => (BidPrice + AskPrice) / 2m;

    public decimal Spread => AskPrice - BidPrice;

    /// <summary>Spread in basis points of the mid price (1 bp = 0.01 %).</summary>
    public decimal SpreadBps => Spread / MidPrice * 10_000m;
}
