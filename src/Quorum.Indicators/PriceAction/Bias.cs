namespace Quorum.Indicators.PriceAction;

/// <summary>The direction a price-action event points to.</summary>
public enum Bias
{
    /// <summary>Points up (e.g. bullish engulfing, a sweep of lows, a break above a swing high).</summary>
    Bullish,

    /// <summary>Points down.</summary>
    Bearish,
}
