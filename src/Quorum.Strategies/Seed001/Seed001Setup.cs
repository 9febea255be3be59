using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Strategies.Scoring;

namespace Quorum.Strategies.Seed001;

/// <summary>What the seed-001 strategies share: the setup-scoring parameters and the way an entry signal is built.</summary>
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

    /// <summary>
    /// An entry at market of a setup that passed scoring: confidence is the setup score / 10; the metadata carries the
    /// regime, the score and its parts and <paramref name="extra"/>.
    /// </summary>
    public static Signal Entry(
        string strategy,
        Symbol symbol,
        Timeframe timeframe,
        in Bar bar,
        PositionSide side,
        string reason,
        in SetupScore score,
        string regime,
        ExitSpec exits,
        params ReadOnlySpan<KeyValuePair<string, object>> extra)
    {
        var metadata = new List<KeyValuePair<string, object>>(8 + extra.Length) { KeyValuePair.Create<string, object>(RegimeKey, regime) };
        score.AddTo(metadata);
        foreach (var pair in extra)
        {
            metadata.Add(pair);
        }

        return StrategySignals.Entry(strategy, symbol, timeframe, bar, side, reason, Math.Clamp(score.Total / 10.0, 0.0, 1.0), exits, metadata);
    }

    public static KeyValuePair<string, object> Item(string key, object value) => KeyValuePair.Create(key, value);
}
