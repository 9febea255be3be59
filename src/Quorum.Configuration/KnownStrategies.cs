namespace Quorum.Configuration;

/// <summary>
/// The one list of strategy names <c>enable_map.yaml</c> accepts. A later issue that adds a strategy
/// adds it here (with the regimes it may run in) and nowhere else.
/// </summary>
public static class KnownStrategies
{
    public const string Breakout4h = "breakout_4h";
    public const string VolExp15m = "vol_exp_15m";
    public const string RangeRev5m = "range_rev_5m";
    public const string FundingRev = "funding_rev";

    private static readonly StrategyDefinition[] Definitions =
    [
        new(Breakout4h, "4h Donchian(20/55) breakout with ADX > 20 and EMA200 slope, 1h confirmation; 2×ATR trail, 1R/2R take-profits", RegimeLabels.All),
        new(VolExp15m, "15m volatility expansion: ATR% and volume above their 0.8 quantile; 1.5×ATR trail, 2–3 h time stop", RegimeLabels.All),
        new(RangeRev5m, "5–15m mean reversion from range edges (BB/RSI); seed 001: only in range_lowvol", [RegimeLabels.RangeLowVol]),
        new(
            FundingRev,
            "extreme funding + basis reversion; seed 001: never in a trend",
            [RegimeLabels.RangeLowVol, RegimeLabels.RangeHighVol, RegimeLabels.Panic]),
    ];

    public static IReadOnlyList<StrategyDefinition> All => Definitions;

    public static IReadOnlyList<string> Names { get; } = Definitions.Select(d => d.Name).ToArray();

    public static StrategyDefinition? Find(string name) =>
        Definitions.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.Ordinal));
}
