namespace Quorum.Data.Synthetic;

/// <summary>
/// Behaviour of one regime of the synthetic (not real) market, for a symbol with
/// <see cref="SyntheticSymbolSpec.Beta"/> = 1 and <see cref="SyntheticSymbolSpec.VolatilityMultiplier"/> = 1.
/// </summary>
/// <param name="AnnualDrift">Drift of the log price per 365-day year (e.g. 2.0 ⇒ +0.55 % a day).</param>
/// <param name="AnnualVolatility">Annualised volatility of log returns before volatility clustering (e.g. 0.55 = 55 %).</param>
/// <param name="ExpectedDurationDays">Mean time spent in the regime once entered (exponentially distributed).</param>
/// <param name="VolumeMultiplier">Traded volume relative to <see cref="SyntheticSymbolSpec.VolumeScale"/>.</param>
/// <param name="JumpIntensityMultiplier">Multiplies <see cref="SyntheticJumpSettings.IntensityPerDay"/> in this regime.</param>
public sealed record SyntheticRegimeParameters(
    double AnnualDrift,
    double AnnualVolatility,
    double ExpectedDurationDays,
    double VolumeMultiplier,
    double JumpIntensityMultiplier);
