using Quorum.Indicators;

namespace Quorum.Data.Features;

/// <summary>Periods of the seed-001 features (defaults as in seed 001 where it gives them: EMA200; the usual 14/20 elsewhere).</summary>
public sealed record FeatureOptions
{
    public static FeatureOptions Default { get; } = new();

    public int AtrPeriod { get; init; } = 14;

    public int AdxPeriod { get; init; } = 14;

    /// <summary>Log returns in the historical-volatility window (annualized for the series' timeframe).</summary>
    public int HistoricalVolatilityPeriod { get; init; } = 20;

    public int EmaPeriod { get; init; } = 200;

    /// <summary>Bars in the linear-regression slope of the EMA (normalized by the EMA: fraction per bar).</summary>
    public int EmaSlopePeriod { get; init; } = 20;

    public int BollingerPeriod { get; init; } = 20;

    public double BollingerMultiplier { get; init; } = 2.0;

    public int DonchianPeriod { get; init; } = 20;

    public int VolumeZScorePeriod { get; init; } = 20;

    /// <summary>Bars over which the basis delta is taken.</summary>
    public int BasisDeltaBars { get; init; } = 1;

    /// <summary>Throws naming the first bad period.</summary>
    public void Validate()
    {
        IndicatorGuard.Period(AtrPeriod, "features", nameof(AtrPeriod));
        IndicatorGuard.Period(AdxPeriod, "features", nameof(AdxPeriod));
        IndicatorGuard.Period(HistoricalVolatilityPeriod, "features", nameof(HistoricalVolatilityPeriod), minimum: 2);
        IndicatorGuard.Period(EmaPeriod, "features", nameof(EmaPeriod));
        IndicatorGuard.Period(EmaSlopePeriod, "features", nameof(EmaSlopePeriod), minimum: 2);
        IndicatorGuard.Period(BollingerPeriod, "features", nameof(BollingerPeriod));
        IndicatorGuard.Positive(BollingerMultiplier, "features", nameof(BollingerMultiplier));
        IndicatorGuard.Period(DonchianPeriod, "features", nameof(DonchianPeriod));
        IndicatorGuard.Period(VolumeZScorePeriod, "features", nameof(VolumeZScorePeriod), minimum: 2);
        IndicatorGuard.Period(BasisDeltaBars, "features", nameof(BasisDeltaBars));
    }
}
