namespace Quorum.Indicators.PriceAction;

/// <summary>Which extreme a swing point marks.</summary>
public enum SwingKind
{
    /// <summary>A pivot high (a local maximum of the bar highs).</summary>
    High,

    /// <summary>A pivot low (a local minimum of the bar lows).</summary>
    Low,
}
