using System.Collections.Immutable;
using Quorum.Core.Instruments;

namespace Quorum.Core.MarketData;

/// <summary>
/// A full (or top-N) order book at one instant. Validated on construction: bids strictly
/// descending, asks strictly ascending, and the book not crossed (best bid &lt; best ask). Either
/// side may be empty, in which case best price, mid and spread are null.
/// </summary>
public sealed record OrderBookSnapshot
{
    public OrderBookSnapshot(Symbol symbol, long timeMs, IEnumerable<OrderBookLevel> bids, IEnumerable<OrderBookLevel> asks, long updateId = 0)
    {
        ArgumentNullException.ThrowIfNull(bids);
        ArgumentNullException.ThrowIfNull(asks);
        Symbol = Guard.Symbol(symbol);
        TimeMs = timeMs;
        UpdateId = updateId;
        Bids = [.. bids];
        Asks = [.. asks];
        CheckSorted(Bids, descending: true, symbol, timeMs, nameof(bids));
        CheckSorted(Asks, descending: false, symbol, timeMs, nameof(asks));
        if (!Bids.IsEmpty && !Asks.IsEmpty && Bids[0].Price >= Asks[0].Price)
        {
            throw new ArgumentException(
                $"{symbol} book at {timeMs} is crossed: best bid {Bids[0].Price} ≥ best ask {Asks[0].Price} (bid must be below ask)", nameof(bids));
        }
    }

    public Symbol Symbol { get; }

    /// <summary>Venue time of the snapshot (UTC ms).</summary>
    public long TimeMs { get; }

    /// <summary>Venue sequence number (Binance <c>lastUpdateId</c>, Bybit <c>u</c>); 0 when unknown.</summary>
    public long UpdateId { get; }

    /// <summary>Bid levels, highest price first.</summary>
    public ImmutableArray<OrderBookLevel> Bids { get; }

    /// <summary>Ask levels, lowest price first.</summary>
    public ImmutableArray<OrderBookLevel> Asks { get; }

    public OrderBookLevel? BestBid => Bids.IsEmpty ? null : Bids[0];

    public OrderBookLevel? BestAsk => Asks.IsEmpty ? null : Asks[0];

    /// <summary>(best bid + best ask) / 2; null when a side is empty.</summary>
    public decimal? MidPrice => Bids.IsEmpty || Asks.IsEmpty ? null : (Bids[0].Price + Asks[0].Price) / 2m;

    /// <summary>best ask − best bid; null when a side is empty.</summary>
    public decimal? Spread => Bids.IsEmpty || Asks.IsEmpty ? null : Asks[0].Price - Bids[0].Price;

    /// <summary>Spread in basis points of the mid price (1 bp = 0.01 %); null when a side is empty.</summary>
    public decimal? SpreadBps => Spread / MidPrice * 10_000m;

    /// <summary>
    /// Total quantity (base asset) on <paramref name="side"/> at prices within <paramref name="bps"/>
    /// basis points of the mid, bounds included: bids ≥ mid × (1 − bps/10⁴), asks ≤ mid × (1 + bps/10⁴).
    /// 0 when a side is empty (no mid).
    /// </summary>
    public decimal DepthQuantity(BookSide side, decimal bps) => Depth(side, bps, level => level.Quantity);

    /// <summary>As <see cref="DepthQuantity"/>, in quote-asset notional (Σ price × quantity).</summary>
    public decimal DepthNotional(BookSide side, decimal bps) => Depth(side, bps, level => level.Notional);

    public override string ToString() =>
        $"{Symbol} book at {TimeMs}: {Bids.Length} bids / {Asks.Length} asks, best {BestBid?.ToString() ?? "-"} | {BestAsk?.ToString() ?? "-"}";

    private decimal Depth(BookSide side, decimal bps, Func<OrderBookLevel, decimal> measure)
    {
        Guard.NonNegative(bps, "depth band in bps");
        Guard.Defined(side);
        if (MidPrice is not { } mid)
        {
            return 0m;
        }

        var total = 0m;
        if (side == BookSide.Bid)
        {
            var floor = mid * (1m - (bps / 10_000m));
            foreach (var level in Bids)
            {
                if (level.Price < floor)
                {
                    break;
                }

                total += measure(level);
            }
        }
        else
        {
            var ceiling = mid * (1m + (bps / 10_000m));
            foreach (var level in Asks)
            {
                if (level.Price > ceiling)
                {
                    break;
                }

                total += measure(level);
            }
        }

        return total;
    }

    private static void CheckSorted(ImmutableArray<OrderBookLevel> levels, bool descending, Symbol symbol, long timeMs, string parameterName)
    {
        for (var i = 0; i < levels.Length; i++)
        {
            if (levels[i].Price <= 0m)
            {
                throw new ArgumentException($"{symbol} book at {timeMs}: {parameterName}[{i}] has no price (default level)", parameterName);
            }

            if (i > 0 && (descending ? levels[i].Price >= levels[i - 1].Price : levels[i].Price <= levels[i - 1].Price))
            {
                throw new ArgumentException(
                    $"{symbol} book at {timeMs}: {parameterName}[{i}] price {levels[i].Price} after {levels[i - 1].Price} " +
                    $"(allowed: strictly {(descending ? "descending" : "ascending")})",
                    parameterName);
            }
        }
    }
}
