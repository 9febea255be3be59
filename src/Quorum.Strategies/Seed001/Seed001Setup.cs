using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Strategies.Scoring;

namespace Quorum.Strategies.Seed001;

/// <summary>What the seed-001 strategies share besides <see cref="Seed001Strategy"/>: the setup-scoring parameters, the stop price and metadata items.</summary>
internal static class Seed001Setup
{
    /// <summary>Metadata key of the regime label the setup was scored in.</summary>
    public const string RegimeKey = "regime";

    /// <summary>
    /// The setup-scoring parameters every seed-001 strategy declares (the liquidity proxy's scale). The Corwin–Schultz
    /// estimate on bars absorbs intrabar volatility and grows with the bar length, so the spread at which the spread
    /// point reaches 0 (<paramref name="maxSpreadBps"/>) is set per strategy timeframe (docs/strategies.md, "Setup scoring").
    /// </summary>
    public static StrategyParameter[] ScoringParameters(double maxSpreadBps) =>
    [
        new StrategyParameter("turnover_full", "quote turnover per hour (close × volume) that earns the full liquidity turnover point", 1_000_000, 1, 1e12),
        new StrategyParameter("max_spread_bps", "estimated spread (Corwin–Schultz on the signal's bars, basis points) at which the liquidity spread point reaches 0", maxSpreadBps, 1, 2000),
    ];

    /// <summary>
    /// A seed-001 strategy's registry entry: its <paramref name="own"/> parameters followed by the
    /// <see cref="ScoringParameters"/>, origin <c>seed 001</c>, its fixed <paramref name="timeframes"/>.
    /// </summary>
    public static StrategyDescriptor Describe(
        string name,
        string version,
        string description,
        IReadOnlyList<Timeframe> timeframes,
        double maxSpreadBps,
        Func<StrategyParameters, StrategyUniverse, IStrategy> factory,
        params StrategyParameter[] own) =>
        new(name, version, description, [.. own, .. ScoringParameters(maxSpreadBps)], factory)
        {
            Origin = "seed 001",
            Timeframes = timeframes,
        };

    public static SetupScorer CreateScorer(StrategyParameters parameters, INewsFlagSource? news) =>
        new(parameters.Get("turnover_full"), parameters.Get("max_spread_bps") / 10_000.0, news: news);

    /// <summary>
    /// The stop <paramref name="multiple"/> × <paramref name="atr"/> on the losing side of <paramref name="close"/>, or null
    /// when it would not be a positive price (the risk layer's default stop then applies).
    /// </summary>
    public static decimal? StopPrice(decimal close, double atr, double multiple, PositionSide side)
    {
        var distance = atr * multiple;
        if (!(distance > 0) || !double.IsFinite(distance))
        {
            return null;
        }

        var stop = close - (side.Sign() * (decimal)distance);
        return stop > 0m ? stop : null;
    }

    public static KeyValuePair<string, object> Item(string key, object value) => KeyValuePair.Create(key, value);
}
