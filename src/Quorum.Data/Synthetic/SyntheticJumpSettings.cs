namespace Quorum.Data.Synthetic;

/// <summary>
/// Jumps of the synthetic (not real) market: market-wide Poisson events whose log size is
/// exponentially distributed, negative with probability <see cref="NegativeProbability"/>
/// (crashes are more frequent and larger than spikes), scaled per symbol by
/// <see cref="SyntheticSymbolSpec.Beta"/>. After a jump the variance multiplier rises by
/// <see cref="VarianceBoost"/> and decays with <see cref="SyntheticVolatilitySettings.ShockHalfLifeDays"/>.
/// </summary>
public sealed record SyntheticJumpSettings
{
    public static SyntheticJumpSettings Default { get; } = new();

    /// <summary>Base jump rate per day, multiplied by the regime's <see cref="SyntheticRegimeParameters.JumpIntensityMultiplier"/>.</summary>
    public double IntensityPerDay { get; init; } = 0.04;

    /// <summary>Probability that a jump is downward.</summary>
    public double NegativeProbability { get; init; } = 0.65;

    /// <summary>Mean absolute log size of a downward jump (0.03 ≈ −3 %).</summary>
    public double MeanNegativeSize { get; init; } = 0.03;

    /// <summary>Mean log size of an upward jump.</summary>
    public double MeanPositiveSize { get; init; } = 0.025;

    /// <summary>Cap on the absolute log size of a jump (0.25 ≈ −22 % / +28 %).</summary>
    public double MaxSize { get; init; } = 0.25;

    /// <summary>Added to the variance multiplier right after a jump (1.5 ⇒ volatility about 1.6× right after a jump).</summary>
    public double VarianceBoost { get; init; } = 1.5;

    /// <summary>Probability that a downward jump switches the market into <see cref="SyntheticRegime.Panic"/>.</summary>
    public double PanicProbability { get; init; } = 0.3;
}
