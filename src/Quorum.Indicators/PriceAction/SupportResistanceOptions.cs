namespace Quorum.Indicators.PriceAction;

/// <summary>Parameters of <see cref="SupportResistanceTracker"/>.</summary>
public sealed record SupportResistanceOptions
{
    /// <summary>Left bars of the pivots (≥ 1).</summary>
    public int LeftBars { get; init; } = 5;

    /// <summary>Right bars of the pivots (≥ 0).</summary>
    public int RightBars { get; init; } = 5;

    /// <summary>Tolerance as a fraction of the pivot price (≥ 0, &lt; 1; default 0.001 = 0.1 %).</summary>
    public double PriceTolerance { get; init; } = 0.001;

    /// <summary>Tolerance in multiples of Wilder's ATR (≥ 0; default 0.25); contributes 0 until the ATR is ready.</summary>
    public double AtrTolerance { get; init; } = 0.25;

    /// <summary>ATR period (≥ 1).</summary>
    public int AtrPeriod { get; init; } = 14;

    /// <summary>A level not touched for more than this many bars is dropped (&gt; <see cref="RightBars"/>).</summary>
    public int MaxAgeBars { get; init; } = 500;

    /// <summary>Most levels kept (≥ 1); when full, the least recently touched level gives way.</summary>
    public int MaxLevels { get; init; } = 50;

    /// <summary>Throws when a parameter is out of range, naming it, its value and what is allowed.</summary>
    public SupportResistanceOptions Validate(string detector = "levels")
    {
        IndicatorGuard.Period(LeftBars, detector, nameof(LeftBars), 1);
        IndicatorGuard.Period(RightBars, detector, nameof(RightBars), 0);
        OptionGuard.Range(PriceTolerance, detector, nameof(PriceTolerance), 0, true, 1, false);
        OptionGuard.Range(AtrTolerance, detector, nameof(AtrTolerance), 0, true, double.PositiveInfinity, false);
        if (PriceTolerance == 0 && AtrTolerance == 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(PriceTolerance), PriceTolerance, $"{detector}: {nameof(PriceTolerance)} and {nameof(AtrTolerance)} are both 0; at least one must be > 0");
        }

        IndicatorGuard.Period(AtrPeriod, detector, nameof(AtrPeriod), 1);
        IndicatorGuard.Period(MaxAgeBars, detector, nameof(MaxAgeBars), RightBars + 1);
        IndicatorGuard.Period(MaxLevels, detector, nameof(MaxLevels), 1);
        return this;
    }
}
