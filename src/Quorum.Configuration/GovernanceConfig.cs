namespace Quorum.Configuration;

/// <summary>
/// The locked risk limits of <c>governance.yaml</c>. Loaded once at start, validated and hashed;
/// nothing at runtime writes it. Percentages are percent of equity (0.8 means 0.8 %).
/// </summary>
/// <param name="PerTradeRiskPercentBase"><c>per_trade_r_pct_base</c>: risk per trade (1R) in % of equity.</param>
/// <param name="PerTradeRiskPercentGreenBonus"><c>per_trade_r_pct_green_bonus</c>: percentage points added to the base risk while the day is green.</param>
/// <param name="MaxDailyLossPercent"><c>max_daily_loss_pct</c>: daily loss in % of equity that locks trading for the day.</param>
/// <param name="KillSwitchDrawdown72hPercent"><c>kill_switch_drawdown_72h</c>: drawdown in % over 72 h that halts trading until a manual unlock.</param>
/// <param name="LeverageCap"><c>leverage_cap</c>: maximum gross exposure / equity.</param>
/// <param name="MaxPortfolioRiskPercent"><c>max_portfolio_r_pct</c>: total open risk of all positions in % of equity.</param>
/// <param name="NoMartingale"><c>no_martingale</c>: never add to a losing position (default true; false only lets averaging-down strategies such as DCA start).</param>
/// <param name="Pyramiding"><c>pyramiding</c>: whether winners may be added to.</param>
/// <param name="NtpSkewMilliseconds"><c>ntp_skew_ms</c>: maximum clock drift against exchange time before trading pauses.</param>
/// <param name="RequireStreams"><c>require_streams</c>: streams whose loss pauses trading (names from <see cref="FeedStreams"/>).</param>
/// <param name="Additions"><c>quorum_additions</c>: rules seed 001 states in prose, made explicit keys by Quorum.</param>
public sealed record GovernanceConfig(
    decimal PerTradeRiskPercentBase,
    decimal PerTradeRiskPercentGreenBonus,
    decimal MaxDailyLossPercent,
    decimal KillSwitchDrawdown72hPercent,
    decimal LeverageCap,
    decimal MaxPortfolioRiskPercent,
    bool NoMartingale,
    PyramidingPolicy Pyramiding,
    int NtpSkewMilliseconds,
    IReadOnlyList<string> RequireStreams,
    GovernanceAdditions Additions)
{
    /// <summary>Risk of one trade while the green bonus is active: base + bonus (never above <see cref="GovernanceAdditions.PerTradeRiskPercentCap"/>).</summary>
    public decimal PerTradeRiskPercentWithBonus => PerTradeRiskPercentBase + PerTradeRiskPercentGreenBonus;
}
