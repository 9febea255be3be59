namespace Quorum.Data.Synthetic;

/// <summary>
/// Volatility clustering of the synthetic (not real) market: a market-wide GARCH(1,1) variance
/// multiplier <c>m</c> (mean 1) applied to every symbol's regime variance. Per internal sub-step
/// <c>m ← ω + α·m·z² + β·m</c>, where <c>z</c> is the first symbol's standardised shock and
/// <c>α</c>, <c>β</c>, <c>ω = 1 − α − β</c> are derived from the half-life and dispersion below so
/// that the behaviour is the same on every timeframe.
/// </summary>
public sealed record SyntheticVolatilitySettings
{
    public static SyntheticVolatilitySettings Default { get; } = new();

    /// <summary>Time for a volatility shock to decay by half (α + β = 2^(−dt / half-life)).</summary>
    public double ShockHalfLifeDays { get; init; } = 2.0;

    /// <summary>Stationary variance of the multiplier <c>m</c> (0 = constant volatility; 1 = strong clustering).</summary>
    public double VarianceDispersion { get; init; } = 1.0;

    /// <summary>Upper bound of <c>m</c> (16 ⇒ volatility at most 4× its regime level).</summary>
    public double MaxVarianceMultiplier { get; init; } = 16.0;

    /// <summary>
    /// How much of the intraday/weekday activity profile shows in volatility (0 = none, 1 = as much
    /// as in volume): busy hours are more volatile, weekends calmer.
    /// </summary>
    public double IntradaySeasonalityShare { get; init; } = 0.5;
}
