namespace Quorum.Configuration;

/// <summary>
/// <c>governance.yaml: quorum_additions</c> — numbers seed 001 gives in prose ("Risk-governor (locked)",
/// "Стратегия достижения ~1 % в день") that Quorum makes explicit, locked keys. They sit in their own
/// section so that the seed's keys keep their names and meaning.
/// </summary>
/// <param name="PerTradeRiskPercentCap"><c>per_trade_r_pct_cap</c>: hard ceiling of risk per trade in % of equity, bonus included (seed: 1.1).</param>
/// <param name="GreenBonusTriggerDailyPnlPercent"><c>green_bonus_trigger_daily_pnl_pct</c>: daily PnL in % at or above which the green bonus applies (seed: +0.5).</param>
/// <param name="DynamicRiskReduction"><c>dynamic_risk_reduction</c>: when and by how much the base risk is lowered.</param>
/// <param name="PositionManagement"><c>position_management</c>: breakeven, partial take-profits and the runner's trail.</param>
/// <param name="PyramidingAdd"><c>pyramiding_add</c>: when and how much a winner may be added to.</param>
public sealed record GovernanceAdditions(
    decimal PerTradeRiskPercentCap,
    decimal GreenBonusTriggerDailyPnlPercent,
    DynamicRiskReduction DynamicRiskReduction,
    PositionManagement PositionManagement,
    PyramidingAdd PyramidingAdd);
