namespace Quorum.Strategies.Seed000;

/// <summary>Parameters every seed-000 module has: the higher-timeframe trend filter and the exits.</summary>
internal static class Seed000Parameters
{
    public const string TrendEma = "trend_ema";
    public const string TrailPercent = "trail_pct";
    public const string StopAtr = "stop_atr";

    /// <summary>The common parameters, appended to each module's own.</summary>
    public static IReadOnlyList<StrategyParameter> Common { get; } =
    [
        new(TrendEma, "period of the 1h EMA of the trend filter (longs only above it, shorts only below); 0 = no filter", 50, 0, 500, isInteger: true),
        new(TrailPercent, "trailing stop in percent of the price (seed 000's orchestrator trails at 0.3 %)", 0.3, 0.05, 5),
        new(StopAtr, "stop distance in ATRs where the module has no structure stop (BRK, or a structure level not below/above the entry)", 1.5, 0.25, 10),
    ];

    /// <summary>The module's own parameters followed by <see cref="Common"/>.</summary>
    public static IReadOnlyList<StrategyParameter> With(params StrategyParameter[] own) => [.. own, .. Common];

    /// <summary>
    /// A module's registry entry: its <paramref name="own"/> parameters followed by <see cref="Common"/>, origin
    /// <c>seed 000</c>, the timeframes of <see cref="Seed000Timeframes.All"/>.
    /// </summary>
    public static StrategyDescriptor Describe(
        string name,
        string version,
        string description,
        Func<StrategyParameters, StrategyUniverse, IStrategy> factory,
        params StrategyParameter[] own) =>
        new(name, version, description, With(own), factory)
        {
            Origin = "seed 000",
            Timeframes = Seed000Timeframes.All,
        };
}
