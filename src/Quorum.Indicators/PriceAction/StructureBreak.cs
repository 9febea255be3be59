namespace Quorum.Indicators.PriceAction;

/// <summary>
/// A break of structure at bar <paramref name="Index"/>: its close went beyond the last confirmed swing
/// <paramref name="Broken"/> (above a swing high: bullish; below a swing low: bearish).
/// <paramref name="IsChangeOfCharacter"/> is true when the previous break went the other way (SMC's CHoCH).
/// </summary>
/// <param name="Bias">Bullish for a close above a swing high, bearish for a close below a swing low.</param>
/// <param name="Index">Index of the breaking bar.</param>
/// <param name="TimeMs">Its open time.</param>
/// <param name="Close">Its close.</param>
/// <param name="Broken">The swing whose price was broken (the broken level is <c>Broken.Price</c>).</param>
/// <param name="IsChangeOfCharacter">The previous break had the opposite bias.</param>
public readonly record struct StructureBreak(Bias Bias, long Index, long TimeMs, double Close, SwingPoint Broken, bool IsChangeOfCharacter)
{
    /// <summary>The broken price level.</summary>
    public double Level => Broken.Price;
}
