namespace Quorum.Indicators.PriceAction;

/// <summary>What happened to a fair-value gap.</summary>
public enum FairValueGapEventKind
{
    /// <summary>The third bar closed and completed the gap.</summary>
    Created,

    /// <summary>Price traded back into the gap for the first time (at least the mitigation fraction deep).</summary>
    Mitigated,

    /// <summary>Price traded through the far edge: the gap is closed and no longer tracked.</summary>
    Filled,

    /// <summary>The gap was dropped unfilled (older than the age limit, or pushed out by the capacity limit).</summary>
    Expired,
}
