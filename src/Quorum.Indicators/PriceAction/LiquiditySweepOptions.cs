namespace Quorum.Indicators.PriceAction;

/// <summary>Parameters of <see cref="LiquiditySweepDetector"/>.</summary>
public sealed record LiquiditySweepOptions
{
    /// <summary>Left bars of the swings (≥ 1).</summary>
    public int LeftBars { get; init; } = 5;

    /// <summary>Right bars of the swings (≥ 0).</summary>
    public int RightBars { get; init; } = 5;

    /// <summary>
    /// Bars after a close beyond the level within which a close back inside still counts as a sweep (≥ 0; default 0:
    /// only a wick beyond and a close back inside on the same bar).
    /// </summary>
    public int MaxBarsToReclaim { get; init; }

    /// <summary>Most unswept swing levels tracked per side (≥ 1; the oldest gives way).</summary>
    public int MaxTrackedLevels { get; init; } = 10;

    /// <summary>Throws when a parameter is out of range, naming it, its value and what is allowed.</summary>
    public LiquiditySweepOptions Validate(string detector = "sweeps")
    {
        IndicatorGuard.Period(LeftBars, detector, nameof(LeftBars), 1);
        IndicatorGuard.Period(RightBars, detector, nameof(RightBars), 0);
        IndicatorGuard.Period(MaxBarsToReclaim, detector, nameof(MaxBarsToReclaim), 0);
        IndicatorGuard.Period(MaxTrackedLevels, detector, nameof(MaxTrackedLevels), 1);
        return this;
    }
}
