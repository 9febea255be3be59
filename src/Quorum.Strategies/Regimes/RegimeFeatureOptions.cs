using Quorum.Core.Time;

namespace Quorum.Strategies.Regimes;

/// <summary>
/// Periods of the features a regime classifier reads (<see cref="RegimeFeatures"/>); the defaults are seed 001's
/// feature list (ATR, ADX, HV, EMA200 and its slope) with the usual periods.
/// </summary>
public sealed record RegimeFeatureOptions
{
    /// <summary>Period of ADX (Wilder).</summary>
    public int AdxPeriod { get; init; } = 14;

    /// <summary>Period of the long EMA whose slope says the trend direction (seed 001: EMA200).</summary>
    public int EmaPeriod { get; init; } = 200;

    /// <summary>Number of EMA values the slope is fitted over.</summary>
    public int SlopePeriod { get; init; } = 20;

    /// <summary>Period of ATR (Wilder) behind ATR% and the range spike.</summary>
    public int AtrPeriod { get; init; } = 14;

    /// <summary>Number of log returns of the historical volatility.</summary>
    public int HistoricalVolatilityPeriod { get; init; } = 20;

    /// <summary>Bars of ATR% and HV history the volatility quantile is taken over.</summary>
    public int PercentileWindow { get; init; } = 250;

    /// <summary>Quantile of ATR% and HV above which the market is high-volatility (0.75: the top quarter of the window).</summary>
    public double VolatilityQuantile { get; init; } = 0.75;

    /// <summary>Time span of the crash detector's look-back for the highest close (24 h).</summary>
    public long CrashWindowMs { get; init; } = Timeframe.DayMs;

    /// <summary>Bars of <paramref name="timeframe"/> in the crash window (at least 2).</summary>
    public int CrashWindowBars(Timeframe timeframe) => (int)Math.Max(2, CrashWindowMs / timeframe.Milliseconds);

    /// <summary>Throws naming the first option out of range.</summary>
    public void Validate()
    {
        Check(AdxPeriod, 2, 500, "adx period");
        Check(EmaPeriod, 2, 2000, "ema period");
        Check(SlopePeriod, 2, 500, "slope period");
        Check(AtrPeriod, 1, 500, "atr period");
        Check(HistoricalVolatilityPeriod, 2, 500, "hv period");
        Check(PercentileWindow, 2, 100_000, "percentile window");
        if (!(VolatilityQuantile is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(VolatilityQuantile), VolatilityQuantile, $"regime volatility quantile {VolatilityQuantile} is out of range (0 < q < 1)");
        }

        if (CrashWindowMs <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(CrashWindowMs), CrashWindowMs, $"regime crash window {CrashWindowMs} ms must be positive");
        }
    }

    private static void Check(int value, int minimum, int maximum, string what)
    {
        if (value < minimum || value > maximum)
        {
            throw new ArgumentOutOfRangeException(what, value, $"regime {what} {value} is out of range ({minimum} ≤ x ≤ {maximum})");
        }
    }
}
