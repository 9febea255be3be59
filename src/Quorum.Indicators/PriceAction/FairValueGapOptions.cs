namespace Quorum.Indicators.PriceAction;

/// <summary>Parameters of <see cref="FairValueGapDetector"/>.</summary>
public sealed record FairValueGapOptions
{
    /// <summary>Smallest gap reported, as a fraction of the third bar's close (≥ 0, &lt; 1; default 0: any gap).</summary>
    public double MinSizeToPrice { get; init; }

    /// <summary>
    /// How deep price must retrace into the gap, as a fraction of its size, to mitigate it (0 ≤ x ≤ 1; default 0:
    /// any trade strictly inside; 0.5: the midpoint).
    /// </summary>
    public double MitigationFraction { get; init; }

    /// <summary>Most gaps tracked (≥ 1); when full, the oldest expires.</summary>
    public int MaxActiveGaps { get; init; } = 50;

    /// <summary>A gap older than this many bars expires (≥ 1); null: no age limit.</summary>
    public int? MaxAgeBars { get; init; }

    /// <summary>Throws when a parameter is out of range, naming it, its value and what is allowed.</summary>
    public FairValueGapOptions Validate(string detector = "fvg")
    {
        OptionGuard.Range(MinSizeToPrice, detector, nameof(MinSizeToPrice), 0, true, 1, false);
        OptionGuard.Range(MitigationFraction, detector, nameof(MitigationFraction), 0, true, 1, true);
        IndicatorGuard.Period(MaxActiveGaps, detector, nameof(MaxActiveGaps), 1);
        if (MaxAgeBars is { } age)
        {
            IndicatorGuard.Period(age, detector, nameof(MaxAgeBars), 1);
        }

        return this;
    }
}
