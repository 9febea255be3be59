namespace Quorum.Indicators.PriceAction;

/// <summary>
/// A fair-value gap (3-bar imbalance) between <paramref name="Bottom"/> and <paramref name="Top"/>, completed by bar
/// <paramref name="Index"/> (the third bar; the first is <paramref name="Index"/> − 2). Bullish: first high &lt; third low,
/// the zone is [first high, third low]. Bearish: first low &gt; third high, the zone is [third high, first low].
/// <paramref name="IsMitigated"/> and <paramref name="FilledFraction"/> are its state as of the bar it was reported at.
/// </summary>
/// <param name="Id">Identity, in creation order.</param>
/// <param name="Bias">Bullish (a gap below price, expected support) or bearish.</param>
/// <param name="Bottom">Lower edge.</param>
/// <param name="Top">Upper edge.</param>
/// <param name="Index">Index of the third bar.</param>
/// <param name="TimeMs">Open time of the third bar.</param>
/// <param name="IsMitigated">Whether price has traded back into the gap at least <see cref="FairValueGapOptions.MitigationFraction"/> deep.</param>
/// <param name="FilledFraction">Deepest retrace into the gap so far, as a fraction of its size (0 to 1).</param>
public readonly record struct FairValueGap(long Id, Bias Bias, double Bottom, double Top, long Index, long TimeMs, bool IsMitigated, double FilledFraction)
{
    public double Size => Top - Bottom;

    /// <summary>The middle of the gap (SMC's "consequent encroachment").</summary>
    public double Midpoint => (Top + Bottom) / 2.0;
}
