namespace Quorum.Indicators.PriceAction;

/// <summary>
/// Parameters of <see cref="DivergenceDetector"/>. Defaults follow TradingView's built-in RSI
/// divergence script: pivots with 5 bars each side, pivots 5 to 60 bars apart, no zone filter.
/// </summary>
public sealed record DivergenceOptions
{
    /// <summary>Bars left of a pivot that it must exceed (≥ 1).</summary>
    public int LeftBars { get; init; } = 5;

    /// <summary>Bars right of a pivot that must close before it is confirmed (≥ 0).</summary>
    public int RightBars { get; init; } = 5;

    /// <summary>Fewest bars between the two pivots (≥ 1).</summary>
    public int MinBarsBetweenPivots { get; init; } = 5;

    /// <summary>Most bars between the two pivots (≥ <see cref="MinBarsBetweenPivots"/>); a farther previous pivot is not compared.</summary>
    public int MaxBarsBetweenPivots { get; init; } = 60;

    /// <summary>Series the pivots are found on.</summary>
    public DivergenceAnchor Anchor { get; init; } = DivergenceAnchor.PricePivots;

    /// <summary>
    /// Optional zone filter for bullish divergences: the lower of the two oscillator values must be at or
    /// below this level (e.g. 30 for RSI, "oversold at one of the lows"). Null: no filter.
    /// </summary>
    public double? BullishOscillatorCeiling { get; init; }

    /// <summary>
    /// Optional zone filter for bearish divergences: the higher of the two oscillator values must be at or
    /// above this level (e.g. 70 for RSI). Null: no filter.
    /// </summary>
    public double? BearishOscillatorFloor { get; init; }

    /// <summary>Throws when a parameter is out of range, naming it, its value and what is allowed.</summary>
    public DivergenceOptions Validate(string detector = "divergence")
    {
        IndicatorGuard.Period(LeftBars, detector, nameof(LeftBars), 1);
        IndicatorGuard.Period(RightBars, detector, nameof(RightBars), 0);
        IndicatorGuard.Period(MinBarsBetweenPivots, detector, nameof(MinBarsBetweenPivots), 1);
        if (MaxBarsBetweenPivots < MinBarsBetweenPivots)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxBarsBetweenPivots),
                MaxBarsBetweenPivots,
                $"{detector}: {nameof(MaxBarsBetweenPivots)} {MaxBarsBetweenPivots} is out of range ({nameof(MaxBarsBetweenPivots)} ≥ {nameof(MinBarsBetweenPivots)} = {MinBarsBetweenPivots})");
        }

        if (!Enum.IsDefined(Anchor))
        {
            throw new ArgumentOutOfRangeException(nameof(Anchor), Anchor, $"{detector}: {nameof(Anchor)} {Anchor} is not one of {string.Join(", ", Enum.GetNames<DivergenceAnchor>())}");
        }

        OptionGuard.FiniteOrNull(BullishOscillatorCeiling, detector, nameof(BullishOscillatorCeiling));
        OptionGuard.FiniteOrNull(BearishOscillatorFloor, detector, nameof(BearishOscillatorFloor));
        return this;
    }
}
