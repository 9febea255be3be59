namespace Quorum.Strategies.Scoring;

/// <summary>
/// Seed 001's setup score of one candidate trade: five parts of 0–2 points each — regime fit, liquidity/spread,
/// higher-timeframe alignment, volume/pattern quality and the news flag — adding up to 0–10. Only a setup scoring at
/// least <see cref="Threshold"/> proceeds. The total and every part travel in the signal metadata (<see cref="AddTo"/>).
/// </summary>
public readonly record struct SetupScore(double Regime, double Liquidity, double HigherTimeframe, double VolumePattern, double News)
{
    /// <summary>Seed 001: "допускается к исполнению только при суммарной оценке ≥ 7 баллов из 10".</summary>
    public const double Threshold = 7.0;

    /// <summary>Largest score of one part.</summary>
    public const double PartMaximum = 2.0;

    public const string TotalKey = "setup_score";
    public const string RegimeKey = "setup_score_regime";
    public const string LiquidityKey = "setup_score_liquidity";
    public const string HigherTimeframeKey = "setup_score_htf";
    public const string VolumePatternKey = "setup_score_volume_pattern";
    public const string NewsKey = "setup_score_news";

    /// <summary>The sum of the parts, 0–10.</summary>
    public double Total => Regime + Liquidity + HigherTimeframe + VolumePattern + News;

    /// <summary>True when <see cref="Total"/> ≥ <see cref="Threshold"/>.</summary>
    public bool Passes => Total >= Threshold;

    /// <summary>Adds the total and each part to <paramref name="metadata"/> under the <c>setup_score*</c> keys.</summary>
    public void AddTo(ICollection<KeyValuePair<string, object>> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        metadata.Add(KeyValuePair.Create<string, object>(TotalKey, Total));
        metadata.Add(KeyValuePair.Create<string, object>(RegimeKey, Regime));
        metadata.Add(KeyValuePair.Create<string, object>(LiquidityKey, Liquidity));
        metadata.Add(KeyValuePair.Create<string, object>(HigherTimeframeKey, HigherTimeframe));
        metadata.Add(KeyValuePair.Create<string, object>(VolumePatternKey, VolumePattern));
        metadata.Add(KeyValuePair.Create<string, object>(NewsKey, News));
    }

    public override string ToString() =>
        $"setup {Total:0.##}/10 (regime {Regime:0.##}, liquidity {Liquidity:0.##}, htf {HigherTimeframe:0.##}, volume/pattern {VolumePattern:0.##}, news {News:0.##})";
}
