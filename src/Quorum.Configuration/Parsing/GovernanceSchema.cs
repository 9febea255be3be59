namespace Quorum.Configuration.Parsing;

/// <summary>Keys and hard ranges of <c>governance.yaml</c> (documented in docs/configuration.md).</summary>
internal static class GovernanceSchema
{
    public const string PerTradeRPctBase = "per_trade_r_pct_base";
    public const string PerTradeRPctGreenBonus = "per_trade_r_pct_green_bonus";
    public const string MaxDailyLossPct = "max_daily_loss_pct";
    public const string KillSwitchDrawdown72h = "kill_switch_drawdown_72h";
    public const string LeverageCap = "leverage_cap";
    public const string MaxPortfolioRPct = "max_portfolio_r_pct";
    public const string NoMartingale = "no_martingale";
    public const string Pyramiding = "pyramiding";
    public const string NtpSkewMs = "ntp_skew_ms";
    public const string RequireStreams = "require_streams";
    public const string QuorumAdditions = "quorum_additions";

    public const string PerTradeRPctCap = "per_trade_r_pct_cap";
    public const string GreenBonusTrigger = "green_bonus_trigger_daily_pnl_pct";
    public const string DynamicRiskReductionKey = "dynamic_risk_reduction";
    public const string LossStreak = "loss_streak";
    public const string AtrPercentile = "atr_percentile";
    public const string ReductionPp = "reduction_pp";
    public const string RestoreAfterWins = "restore_after_wins";
    public const string PositionManagementKey = "position_management";
    public const string BreakevenAtR = "breakeven_at_r";
    public const string PartialTakeProfits = "partial_take_profits";
    public const string AtR = "at_r";
    public const string Fraction = "fraction";
    public const string RunnerTrailAtrMultiple = "runner_trail_atr_multiple";
    public const string PyramidingAddKey = "pyramiding_add";
    public const string SizeR = "size_r";

    public const int MaxPartialTakeProfits = 5;

    public static readonly ValueRange PerTradeRPctBaseRange = ValueRange.AboveUpTo(0m, 2m);
    public static readonly ValueRange PerTradeRPctGreenBonusRange = ValueRange.Between(0m, 1m);
    public static readonly ValueRange MaxDailyLossPctRange = ValueRange.AboveUpTo(0m, 10m);
    public static readonly ValueRange KillSwitchDrawdown72hRange = ValueRange.AboveUpTo(0m, 25m);
    public static readonly ValueRange LeverageCapRange = ValueRange.Between(1m, 10m);
    public static readonly ValueRange MaxPortfolioRPctRange = ValueRange.AboveUpTo(0m, 10m);
    public static readonly ValueRange NtpSkewMsRange = ValueRange.Between(1m, 5000m);

    public static readonly ValueRange PerTradeRPctCapRange = ValueRange.AboveUpTo(0m, 2m);
    public static readonly ValueRange GreenBonusTriggerRange = ValueRange.AboveUpTo(0m, 10m);
    public static readonly ValueRange LossStreakRange = ValueRange.Between(1m, 20m);
    public static readonly ValueRange AtrPercentileRange = ValueRange.FromBelow(50m, 100m);
    public static readonly ValueRange ReductionPpRange = ValueRange.AboveUpTo(0m, 1m);
    public static readonly ValueRange RestoreAfterWinsRange = ValueRange.Between(1m, 50m);
    public static readonly ValueRange BreakevenAtRRange = ValueRange.AboveUpTo(0m, 5m);
    public static readonly ValueRange TakeProfitAtRRange = ValueRange.AboveUpTo(0m, 20m);
    public static readonly ValueRange TakeProfitFractionRange = ValueRange.AboveUpTo(0m, 1m);
    public static readonly ValueRange RunnerTrailAtrMultipleRange = ValueRange.AboveUpTo(0m, 10m);
    public static readonly ValueRange PyramidingAtRRange = ValueRange.AboveUpTo(0m, 10m);
    public static readonly ValueRange PyramidingSizeRRange = ValueRange.AboveUpTo(0m, 1m);

    public static readonly KeyValuePair<string, PyramidingPolicy>[] PyramidingChoices =
    [
        new("anti", PyramidingPolicy.Anti),
        new("off", PyramidingPolicy.Off),
    ];
}
