namespace Quorum.Data.Synthetic;

/// <summary>
/// The hidden market-wide regime of the synthetic (not real) market. The generator records
/// the true regime of every bar so that a regime classifier can be scored against it.
/// Roughly: <see cref="TrendUp"/> ↔ <c>trend_up</c>, <see cref="TrendDown"/> ↔ <c>trend_down</c>,
/// <see cref="Range"/> ↔ <c>range_lowvol</c>, <see cref="Panic"/> ↔ <c>panic</c>.
/// </summary>
public enum SyntheticRegime
{
    /// <summary>Positive drift, moderate volatility.</summary>
    TrendUp = 0,

    /// <summary>Negative drift, somewhat higher volatility.</summary>
    TrendDown = 1,

    /// <summary>No drift, mean reversion toward the level where the range began, low volatility.</summary>
    Range = 2,

    /// <summary>Short crash state: strongly negative drift, very high volatility and volume, more jumps.</summary>
    Panic = 3,
}
