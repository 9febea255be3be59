using System.Globalization;
using YamlDotNet.RepresentationModel;
using static Quorum.Configuration.Parsing.GovernanceSchema;

namespace Quorum.Configuration.Parsing;

/// <summary>Validates <c>governance.yaml</c> and builds a <see cref="GovernanceConfig"/>.</summary>
internal static class GovernanceParser
{
    public const string Expected =
        "a mapping with keys per_trade_r_pct_base, per_trade_r_pct_green_bonus, max_daily_loss_pct, kill_switch_drawdown_72h, " +
        "leverage_cap, max_portfolio_r_pct, no_martingale, pyramiding, ntp_skew_ms, require_streams, quorum_additions";

    private const string AdditionsDescription =
        "a mapping with keys per_trade_r_pct_cap, green_bonus_trigger_daily_pnl_pct, dynamic_risk_reduction, position_management, pyramiding_add";

    private const string ReductionDescription = "a mapping with keys loss_streak, atr_percentile, reduction_pp, restore_after_wins";
    private const string PositionDescription = "a mapping with keys breakeven_at_r, partial_take_profits, runner_trail_atr_multiple";
    private const string TakeProfitDescription = "a mapping with keys at_r, fraction";
    private const string PyramidingAddDescription = "a mapping with keys at_r, size_r";

    public static GovernanceConfig? Parse(YamlMappingNode root, ErrorCollector errors)
    {
        var before = errors.Count;
        var map = new MappingReader(root, string.Empty, errors);

        var riskBase = map.Decimal(PerTradeRPctBase, PerTradeRPctBaseRange);
        var greenBonus = map.Decimal(PerTradeRPctGreenBonus, PerTradeRPctGreenBonusRange);
        var maxDailyLoss = map.Decimal(MaxDailyLossPct, MaxDailyLossPctRange);
        var killSwitch = map.Decimal(KillSwitchDrawdown72h, KillSwitchDrawdown72hRange);
        var leverageCap = map.Decimal(LeverageCap, LeverageCapRange);
        var maxPortfolio = map.Decimal(MaxPortfolioRPct, MaxPortfolioRPctRange);
        var noMartingale = map.Boolean(NoMartingale);

        var pyramiding = map.Choice(Pyramiding, PyramidingChoices);
        var ntpSkew = map.Integer(NtpSkewMs, NtpSkewMsRange);
        var streams = ReadStreams(map);
        var additions = map.Mapping(QuorumAdditions, AdditionsDescription) is { } additionsMap ? ReadAdditions(additionsMap) : null;
        map.RejectUnknownKeys();

        var rules = new RuleChecker(map);
        if (riskBase is { } b && greenBonus is { } g && additions is { } a && b + g > a.PerTradeRiskPercentCap)
        {
            rules.Fail(
                PerTradeRPctGreenBonus,
                g,
                $"{PerTradeRPctBase} + {PerTradeRPctGreenBonus} ≤ {QuorumAdditions}.{PerTradeRPctCap}; here {Show(b)} + {Show(g)} = {Show(b + g)} > {Show(a.PerTradeRiskPercentCap)}");
        }

        if (riskBase is { } b2 && maxPortfolio is { } p)
        {
            if (p < b2)
            {
                rules.Fail(MaxPortfolioRPct, p, $"{MaxPortfolioRPct} ≥ {PerTradeRPctBase}; here {Show(p)} < {Show(b2)}");
            }
            else if (greenBonus is { } g2 && p < b2 + g2)
            {
                rules.Fail(
                    MaxPortfolioRPct,
                    p,
                    $"{MaxPortfolioRPct} ≥ {PerTradeRPctBase} + {PerTradeRPctGreenBonus} so that one full-size trade fits; here {Show(p)} < {Show(b2 + g2)}");
            }
        }

        if (killSwitch is { } k && maxDailyLoss is { } d && k < d)
        {
            rules.Fail(KillSwitchDrawdown72h, k, $"{KillSwitchDrawdown72h} ≥ {MaxDailyLossPct}; here {Show(k)} < {Show(d)}");
        }

        if (additions is { } a2 && maxDailyLoss is { } d2 && a2.PerTradeRiskPercentCap > d2)
        {
            rules.Fail(
                $"{QuorumAdditions}.{PerTradeRPctCap}",
                a2.PerTradeRiskPercentCap,
                $"{QuorumAdditions}.{PerTradeRPctCap} ≤ {MaxDailyLossPct} so that one trade cannot exceed the daily loss; here {Show(a2.PerTradeRiskPercentCap)} > {Show(d2)}",
                YamlPath.Find(root, QuorumAdditions, PerTradeRPctCap));
        }

        if (additions is { } a3 && riskBase is { } b3 && a3.DynamicRiskReduction.ReductionPercentagePoints >= b3)
        {
            var key = $"{QuorumAdditions}.{DynamicRiskReductionKey}.{ReductionPp}";
            rules.Fail(
                key,
                a3.DynamicRiskReduction.ReductionPercentagePoints,
                $"{key} < {PerTradeRPctBase} so that reduced risk stays above zero; here {Show(a3.DynamicRiskReduction.ReductionPercentagePoints)} ≥ {Show(b3)}",
                YamlPath.Find(root, QuorumAdditions, DynamicRiskReductionKey, ReductionPp));
        }

        if (errors.Count != before)
        {
            return null;
        }

        return new GovernanceConfig(
            riskBase!.Value,
            greenBonus!.Value,
            maxDailyLoss!.Value,
            killSwitch!.Value,
            leverageCap!.Value,
            maxPortfolio!.Value,
            noMartingale!.Value,
            pyramiding!.Value,
            ntpSkew!.Value,
            streams!.AsReadOnly(),
            additions!);
    }

    internal static string Show(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static List<string>? ReadStreams(MappingReader map)
    {
        var items = map.Items(RequireStreams, "stream names (" + string.Join(", ", FeedStreams.All) + ")");
        if (items is null)
        {
            return null;
        }

        var before = map.Errors.Count;
        var choices = FeedStreams.All.Select((stream, index) => new KeyValuePair<string, int>(stream, index)).ToArray();
        var streams = new List<string>();
        foreach (var (node, path) in items)
        {
            if (Values.Choice(node, path, choices, map.Errors) is { } index)
            {
                var stream = FeedStreams.All[index];
                if (streams.Contains(stream))
                {
                    map.Errors.Add(ConfigErrorKind.Duplicate, path, stream, "each stream may be listed once", node);
                }
                else
                {
                    streams.Add(stream);
                }
            }
        }

        if (map.Errors.Count == before && !streams.Contains(FeedStreams.Candles))
        {
            map.Errors.Add(
                ConfigErrorKind.Rule,
                RequireStreams,
                "[" + string.Join(", ", streams) + "]",
                $"{RequireStreams} must include {FeedStreams.Candles}: no strategy can trade without candles",
                map.Peek(RequireStreams));
        }

        return map.Errors.Count == before ? streams : null;
    }

    private static GovernanceAdditions? ReadAdditions(MappingReader map)
    {
        var before = map.Errors.Count;
        var cap = map.Decimal(PerTradeRPctCap, PerTradeRPctCapRange);
        var trigger = map.Decimal(GreenBonusTrigger, GreenBonusTriggerRange);
        var reduction = map.Mapping(DynamicRiskReductionKey, ReductionDescription) is { } reductionMap ? ReadReduction(reductionMap) : null;
        var position = map.Mapping(PositionManagementKey, PositionDescription) is { } positionMap ? ReadPosition(positionMap) : null;
        var add = map.Mapping(PyramidingAddKey, PyramidingAddDescription) is { } addMap ? ReadPyramidingAdd(addMap) : null;
        map.RejectUnknownKeys();

        if (position is not null && add is not null && add.AtR < position.BreakevenAtR)
        {
            var key = map.PathOf($"{PyramidingAddKey}.{AtR}");
            map.Errors.Add(
                ConfigErrorKind.Rule,
                key,
                Show(add.AtR),
                $"{key} ≥ {map.PathOf($"{PositionManagementKey}.{BreakevenAtR}")}: add only once the stop is at breakeven; here {Show(add.AtR)} < {Show(position.BreakevenAtR)}",
                YamlPath.Find(map.Node, PyramidingAddKey, AtR));
        }

        return map.Errors.Count == before ? new GovernanceAdditions(cap!.Value, trigger!.Value, reduction!, position!, add!) : null;
    }

    private static DynamicRiskReduction? ReadReduction(MappingReader map)
    {
        var before = map.Errors.Count;
        var lossStreak = map.Integer(LossStreak, LossStreakRange);
        var percentile = map.Decimal(AtrPercentile, AtrPercentileRange);
        var reduction = map.Decimal(ReductionPp, ReductionPpRange);
        var restore = map.Integer(RestoreAfterWins, RestoreAfterWinsRange);
        map.RejectUnknownKeys();
        return map.Errors.Count == before ? new DynamicRiskReduction(lossStreak!.Value, percentile!.Value, reduction!.Value, restore!.Value) : null;
    }

    private static PositionManagement? ReadPosition(MappingReader map)
    {
        var before = map.Errors.Count;
        var breakeven = map.Decimal(BreakevenAtR, BreakevenAtRRange);
        var takeProfits = ReadTakeProfits(map);
        var trail = map.Decimal(RunnerTrailAtrMultiple, RunnerTrailAtrMultipleRange);
        map.RejectUnknownKeys();
        return map.Errors.Count == before ? new PositionManagement(breakeven!.Value, takeProfits!.AsReadOnly(), trail!.Value) : null;
    }

    private static List<PartialTakeProfit>? ReadTakeProfits(MappingReader map)
    {
        var items = map.Items(PartialTakeProfits, $"{{at_r, fraction}} entries (at most {MaxPartialTakeProfits})", allowNullAsEmpty: true);
        if (items is null)
        {
            return null;
        }

        var before = map.Errors.Count;
        var path = map.PathOf(PartialTakeProfits);
        if (items.Count > MaxPartialTakeProfits)
        {
            map.Errors.Add(ConfigErrorKind.OutOfRange, path, $"{items.Count} entries", $"at most {MaxPartialTakeProfits} entries", map.Peek(PartialTakeProfits));
            return null;
        }

        var result = new List<PartialTakeProfit>();
        foreach (var (node, itemPath) in items)
        {
            if (MappingReader.Of(node, itemPath, TakeProfitDescription, map.Errors) is not { } item)
            {
                continue;
            }

            var atR = item.Decimal(AtR, TakeProfitAtRRange);
            var fraction = item.Decimal(Fraction, TakeProfitFractionRange);
            item.RejectUnknownKeys();
            if (atR is null || fraction is null)
            {
                continue;
            }

            if (result.Count > 0 && atR <= result[^1].AtR)
            {
                map.Errors.Add(
                    ConfigErrorKind.Rule,
                    $"{itemPath}.{AtR}",
                    Show(atR.Value),
                    $"take-profits are ordered by at_r, each above the one before; here {Show(atR.Value)} ≤ {Show(result[^1].AtR)}",
                    item.Peek(AtR));
            }

            result.Add(new PartialTakeProfit(atR.Value, fraction.Value));
        }

        var total = result.Sum(p => p.Fraction);
        if (map.Errors.Count == before && total > 1m)
        {
            map.Errors.Add(
                ConfigErrorKind.Rule,
                path,
                string.Join(" + ", result.Select(p => Show(p.Fraction))),
                $"the fractions of all partial take-profits add up to at most 1; here {Show(total)}",
                map.Peek(PartialTakeProfits));
        }

        return map.Errors.Count == before ? result : null;
    }

    private static PyramidingAdd? ReadPyramidingAdd(MappingReader map)
    {
        var before = map.Errors.Count;
        var atR = map.Decimal(AtR, PyramidingAtRRange);
        var sizeR = map.Decimal(SizeR, PyramidingSizeRRange);
        map.RejectUnknownKeys();
        return map.Errors.Count == before ? new PyramidingAdd(atR!.Value, sizeR!.Value) : null;
    }

    /// <summary>Reports cross-field violations against the key's node.</summary>
    private readonly struct RuleChecker(MappingReader map)
    {
        public void Fail(string key, decimal value, string rule, YamlNode? node = null) =>
            map.Errors.Add(ConfigErrorKind.Rule, key, Show(value), rule, node ?? map.Peek(key));
    }
}
