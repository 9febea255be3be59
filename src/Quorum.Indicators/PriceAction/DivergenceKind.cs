namespace Quorum.Indicators.PriceAction;

/// <summary>
/// The four divergences between price and an oscillator, judged at two consecutive pivots of the
/// same kind (all comparisons strict: an equal price or an equal oscillator value is no divergence).
/// </summary>
public enum DivergenceKind
{
    /// <summary>At two pivot lows: price makes a lower low, the oscillator a higher low (momentum fading in a fall).</summary>
    RegularBullish,

    /// <summary>At two pivot lows: price makes a higher low, the oscillator a lower low (an uptrend's pullback).</summary>
    HiddenBullish,

    /// <summary>At two pivot highs: price makes a higher high, the oscillator a lower high.</summary>
    RegularBearish,

    /// <summary>At two pivot highs: price makes a lower high, the oscillator a higher high (a downtrend's pullback).</summary>
    HiddenBearish,
}
