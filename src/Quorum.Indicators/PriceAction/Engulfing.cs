namespace Quorum.Indicators.PriceAction;

/// <summary>
/// An engulfing pattern completed by bar <paramref name="Index"/> (the engulfing bar; the engulfed bar is
/// <paramref name="Index"/> − 1). <paramref name="EqualEdge"/> is true when one body edge only equals the
/// engulfed bar's (reported only with <see cref="EngulfingDetector.AllowEqualEdge"/>; TA-Lib 0.6 scores it ±80).
/// </summary>
public readonly record struct Engulfing(long Index, long TimeMs, Bias Bias, bool EqualEdge)
{
    /// <summary>The value TA-Lib's CDLENGULFING gives the same bars: ±100, or ±80 for an equal edge (TA-Lib 0.6).</summary>
    public int TaLibValue => (Bias == Bias.Bullish ? 1 : -1) * (EqualEdge ? 80 : 100);
}
