namespace Quorum.Strategies.Scoring;

/// <summary>What a strategy wants from the higher timeframe.</summary>
public enum AlignmentMode
{
    /// <summary>A trend follower: the higher timeframe trending its way scores best (2), flat 1, against it 0.</summary>
    WithTrend,

    /// <summary>A mean reverter: a flat higher timeframe scores best (2), trending its way 1, against it 0.</summary>
    Reversion,

    /// <summary>A strategy that wants no higher-timeframe trend at all: flat scores 2, a trend either way 1.</summary>
    Flat,
}
