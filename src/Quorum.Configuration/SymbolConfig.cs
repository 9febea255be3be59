using Quorum.Core.Instruments;
using Quorum.Core.Time;

namespace Quorum.Configuration;

/// <summary>One entry of <c>symbols.yaml</c>: a tradable instrument and its liquidity/precision filters.</summary>
/// <param name="Symbol"><c>symbol</c>: normalized <c>VENUE:BASEQUOTE[.P]</c>.</param>
/// <param name="Type"><c>type</c>: <c>spot</c> or <c>perp</c>; always agrees with the symbol's <c>.P</c> suffix.</param>
/// <param name="MinQuantity"><c>min_qty</c>: smallest order quantity, in base asset units.</param>
/// <param name="MinNotional"><c>min_notional</c>: smallest order value, in quote asset units.</param>
/// <param name="MinVolume24h"><c>min_vol</c>: minimum 24 h traded volume, in quote asset units; 0 disables the filter.</param>
/// <param name="MaxSpreadBps"><c>max_spread</c>: widest acceptable bid/ask spread, in basis points of the mid price (1 bp = 0.01 %).</param>
/// <param name="AllowedTimeframes"><c>allowed_tfs</c>: timeframes strategies may use on this symbol.</param>
public sealed record SymbolConfig(
    Symbol Symbol,
    MarketType Type,
    decimal MinQuantity,
    decimal MinNotional,
    decimal MinVolume24h,
    decimal MaxSpreadBps,
    IReadOnlyList<Timeframe> AllowedTimeframes)
{
    /// <summary>The widest acceptable spread as a fraction of the mid price (5 bps = 0.0005).</summary>
    public decimal MaxSpreadFraction => MaxSpreadBps / 10_000m;
}
