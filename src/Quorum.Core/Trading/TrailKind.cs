namespace Quorum.Core.Trading;

/// <summary>How a trailing stop's distance is expressed.</summary>
public enum TrailKind
{
    /// <summary>A percentage of the price (seed 000's default 0.3 %).</summary>
    Percent,

    /// <summary>A multiple of the Average True Range (2×ATR breakout, 1.5×ATR vol-expansion, 1.8×ATR runner).</summary>
    Atr,
}
