namespace Quorum.Configuration;

/// <summary>
/// The market-regime labels of seed 001 that <c>enable_map.yaml</c> maps to strategies. They are
/// user-visible (metric <c>regime_label</c>, dashboard) and stay exactly as the seed wrote them.
/// </summary>
public static class RegimeLabels
{
    public const string TrendUp = "trend_up";
    public const string TrendDown = "trend_down";
    public const string RangeLowVol = "range_lowvol";
    public const string RangeHighVol = "range_highvol";
    public const string Panic = "panic";

    private static readonly string[] Labels = [TrendUp, TrendDown, RangeLowVol, RangeHighVol, Panic];

    /// <summary>Every label, in the order <c>enable_map.yaml</c> lists them.</summary>
    public static IReadOnlyList<string> All => Labels;

    /// <summary>The trend regimes (seed 001: <c>funding_rev</c> is never used in a trend).</summary>
    public static IReadOnlyList<string> Trends { get; } = [TrendUp, TrendDown];
}
