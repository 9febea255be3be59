namespace Quorum.Configuration;

/// <summary>
/// <c>governance.yaml: quorum_additions.dynamic_risk_reduction</c> — seed 001: after ≥ 3 losing trades in a
/// row, or while ATR is above its 90th percentile, the base risk drops by 0.2 percentage points; it
/// returns only after 5 winning trades or once volatility falls back.
/// </summary>
/// <param name="LossStreak"><c>loss_streak</c>: consecutive losing trades that trigger the reduction.</param>
/// <param name="AtrPercentile"><c>atr_percentile</c>: ATR percentile above which volatility counts as high.</param>
/// <param name="ReductionPercentagePoints"><c>reduction_pp</c>: percentage points taken off <c>per_trade_r_pct_base</c>.</param>
/// <param name="RestoreAfterWins"><c>restore_after_wins</c>: winning trades needed to restore the base risk.</param>
public sealed record DynamicRiskReduction(
    int LossStreak,
    decimal AtrPercentile,
    decimal ReductionPercentagePoints,
    int RestoreAfterWins);
