namespace Quorum.Strategies.Regimes;

/// <summary>
/// The thresholds that turn <see cref="RegimeFeatureValues"/> into seed 001's labels (<see cref="Seed001RegimeClassifier"/>).
/// </summary>
public sealed record Seed001RegimeThresholds
{
    /// <summary>ADX at or above which the market trends (25: Wilder's usual line between trend and range).</summary>
    public double AdxTrend { get; init; } = 25;

    /// <summary>Normalized EMA slope per bar the trend direction needs, strictly beyond ± this value.</summary>
    public double SlopeMinimum { get; init; }

    /// <summary>Drop from the crash window's highest close that is a crash (0.10: 10 % below the 24 h high).</summary>
    public double CrashDrop { get; init; } = 0.10;

    /// <summary>A down-closing bar whose true range is at least this many ATRs (of before the bar) is a crash bar.</summary>
    public double SpikeAtrMultiple { get; init; } = 4;

    /// <summary>Throws naming the first threshold out of range.</summary>
    public void Validate()
    {
        if (!(AdxTrend is > 0 and < 100))
        {
            throw new ArgumentOutOfRangeException(nameof(AdxTrend), AdxTrend, $"regime adx_trend {AdxTrend} is out of range (0 < x < 100)");
        }

        if (!(SlopeMinimum is >= 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(SlopeMinimum), SlopeMinimum, $"regime slope minimum {SlopeMinimum} is out of range (0 ≤ x < 1)");
        }

        if (!(CrashDrop is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(CrashDrop), CrashDrop, $"regime crash drop {CrashDrop} is out of range (0 < x < 1)");
        }

        if (!(SpikeAtrMultiple is > 1 and <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(SpikeAtrMultiple), SpikeAtrMultiple, $"regime spike ATR multiple {SpikeAtrMultiple} is out of range (1 < x ≤ 100)");
        }
    }
}
