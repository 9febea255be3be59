namespace Quorum.Data.Synthetic;

/// <summary>
/// Traded volume of the synthetic (not real) market. Per internal sub-step, activity is
/// <c>seasonality(hour of week) × regime multiplier × m^(elasticity/2) × (1 + sensitivity·|move|/σ)</c>;
/// a bar's volume is <see cref="SyntheticSymbolSpec.VolumeScale"/> × hours × mean activity × a slowly
/// wandering log-normal level × per-bar log-normal noise. Volume is therefore higher in busy
/// hours, on large moves, in volatile periods and in panics.
/// </summary>
public sealed record SyntheticVolumeSettings
{
    public static SyntheticVolumeSettings Default { get; } = new();

    /// <summary>Standard deviation of the per-bar log-normal noise.</summary>
    public double Dispersion { get; init; } = 0.3;

    /// <summary>Extra activity per standard deviation of absolute move in a sub-step.</summary>
    public double ReturnSensitivity { get; init; } = 0.6;

    /// <summary>Volume ∝ (σ / σ̄)^elasticity through the variance multiplier.</summary>
    public double VolatilityElasticity { get; init; } = 1.0;

    /// <summary>Stationary standard deviation of the slowly varying log volume level.</summary>
    public double LevelDispersion { get; init; } = 0.35;

    /// <summary>Half-life of the log volume level (an AR(1) process).</summary>
    public double LevelHalfLifeDays { get; init; } = 7.0;

    /// <summary>Strength of the intraday and weekday profile (0 = flat, 1 = full).</summary>
    public double SeasonalityStrength { get; init; } = 1.0;
}
