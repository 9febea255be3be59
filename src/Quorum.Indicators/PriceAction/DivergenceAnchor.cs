namespace Quorum.Indicators.PriceAction;

/// <summary>Which series the pivots of a divergence are found on; the other series is read at the same bars.</summary>
public enum DivergenceAnchor
{
    /// <summary>Pivots of price (bar highs and lows, as <see cref="SwingDetector"/>); the oscillator is read at those bars.</summary>
    PricePivots,

    /// <summary>Pivots of the oscillator (as TradingView's divergence script); the bar high/low is read at those bars.</summary>
    OscillatorPivots,
}
