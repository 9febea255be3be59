namespace Quorum.Indicators.PriceAction;

/// <summary>
/// A liquidity sweep completed at bar <paramref name="Index"/>: price traded beyond the confirmed swing
/// <paramref name="Level"/> (at bar <paramref name="PiercedAtIndex"/>) and closed back inside. Sweeping a swing high is
/// <see cref="Bias.Bearish"/> (buy stops taken, rejection), sweeping a swing low is <see cref="Bias.Bullish"/>.
/// </summary>
/// <param name="Bias">Bearish for a swept high, bullish for a swept low.</param>
/// <param name="Index">The bar whose close came back inside.</param>
/// <param name="TimeMs">Its open time.</param>
/// <param name="Level">The swept swing (its price is the level).</param>
/// <param name="Extreme">The furthest price beyond the level from the pierce to the reclaim (highest high or lowest low).</param>
/// <param name="PiercedAtIndex">The first bar that traded beyond the level.</param>
public readonly record struct LiquiditySweep(Bias Bias, long Index, long TimeMs, SwingPoint Level, double Extreme, long PiercedAtIndex)
{
    /// <summary>Bars from the pierce to the close back inside (0: the same bar).</summary>
    public long BarsToReclaim => Index - PiercedAtIndex;
}
