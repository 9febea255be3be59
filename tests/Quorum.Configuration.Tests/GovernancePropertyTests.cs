using System.Globalization;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Quorum.TestKit;

namespace Quorum.Configuration.Tests;

/// <summary>For any number written for any numeric governance key, the range check accepts exactly the documented interval.</summary>
public sealed class GovernancePropertyTests
{
    private static readonly string Shipped = File.ReadAllText(Path.Combine(Repository.ConfigsDirectory, ConfigLoader.GovernanceFileName));

    /// <summary>(key as written, dotted path, lower, lower inclusive, upper, upper inclusive, integer).</summary>
    private static readonly (string Key, string Path, decimal Min, bool MinInclusive, decimal Max, bool MaxInclusive, bool Integer)[] Keys =
    [
        ("per_trade_r_pct_base", "per_trade_r_pct_base", 0m, false, 2m, true, false),
        ("per_trade_r_pct_green_bonus", "per_trade_r_pct_green_bonus", 0m, true, 1m, true, false),
        ("max_daily_loss_pct", "max_daily_loss_pct", 0m, false, 10m, true, false),
        ("kill_switch_drawdown_72h", "kill_switch_drawdown_72h", 0m, false, 25m, true, false),
        ("leverage_cap", "leverage_cap", 1m, true, 10m, true, false),
        ("max_portfolio_r_pct", "max_portfolio_r_pct", 0m, false, 10m, true, false),
        ("ntp_skew_ms", "ntp_skew_ms", 1m, true, 5000m, true, true),
        ("per_trade_r_pct_cap", "quorum_additions.per_trade_r_pct_cap", 0m, false, 2m, true, false),
        ("green_bonus_trigger_daily_pnl_pct", "quorum_additions.green_bonus_trigger_daily_pnl_pct", 0m, false, 10m, true, false),
        ("atr_percentile", "quorum_additions.dynamic_risk_reduction.atr_percentile", 50m, true, 100m, false, false),
        ("loss_streak", "quorum_additions.dynamic_risk_reduction.loss_streak", 1m, true, 20m, true, true),
        ("reduction_pp", "quorum_additions.dynamic_risk_reduction.reduction_pp", 0m, false, 1m, true, false),
        ("restore_after_wins", "quorum_additions.dynamic_risk_reduction.restore_after_wins", 1m, true, 50m, true, true),
        ("breakeven_at_r", "quorum_additions.position_management.breakeven_at_r", 0m, false, 5m, true, false),
        ("runner_trail_atr_multiple", "quorum_additions.position_management.runner_trail_atr_multiple", 0m, false, 10m, true, false),
        ("at_r", "quorum_additions.pyramiding_add.at_r", 0m, false, 10m, true, false), // the first block-style at_r is pyramiding_add's
        ("size_r", "quorum_additions.pyramiding_add.size_r", 0m, false, 1m, true, false),
    ];

    [Fact]
    public void Parse_AnyNumberForAnyNumericKey_IsRejectedExactlyWhenOutsideTheRange()
    {
        // Random values, plus each bound and its nearest neighbours (where off-by-one mistakes live).
        var cases =
            from index in Gen.Choose(0, Keys.Length - 1)
            from units in Gen.Choose(-3_000, 12_000)
            from scale in Gen.Elements(0, 1, 2, 4)
            from nearBound in Gen.Elements(Keys[index].Min, Keys[index].Max)
            from offset in Gen.Elements(-1m, 0m, 1m)
            from pickBound in Gen.Elements(false, true)
            let step = Keys[index].Integer ? 1m : 0.0001m
            select (index, pickBound ? nearBound + (offset * step) : Keys[index].Integer ? units : units / Pow10(scale));

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (index, value) = c;
            var key = Keys[index];
            var written = value.ToString(CultureInfo.InvariantCulture);
            var inRange = (key.MinInclusive ? value >= key.Min : value > key.Min) && (key.MaxInclusive ? value <= key.Max : value < key.Max);

            var errors = Parse(Set(Shipped, key.Key, written));
            var rangeError = errors.SingleOrDefault(e => e.Key == key.Path && e.Kind == ConfigErrorKind.OutOfRange);

            return inRange
                ? rangeError is null
                : rangeError is not null && rangeError.Value == written && rangeError.ToString().StartsWith(
                    $"governance.yaml: {key.Path} = {written} is out of range (", StringComparison.Ordinal);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Parse_AnyBasePlusBonus_IsAcceptedExactlyWhenWithinTheCap()
    {
        var cases =
            from baseTenths in Gen.Choose(1, 20)
            from bonusTenths in Gen.Choose(0, 10)
            select (baseTenths / 10m, bonusTenths / 10m);

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (riskBase, bonus) = c;
            var text = Set(Set(Shipped, "per_trade_r_pct_base", riskBase.ToString(CultureInfo.InvariantCulture)), "per_trade_r_pct_green_bonus", bonus.ToString(CultureInfo.InvariantCulture));

            var capRuleBroken = Parse(text).Any(e => e.Kind == ConfigErrorKind.Rule && e.Key == "per_trade_r_pct_green_bonus");

            return capRuleBroken == (riskBase + bonus > 1.1m);
        }).QuickCheckThrowOnFailure();
    }

    private static decimal Pow10(int scale) => scale switch { 0 => 1m, 1 => 10m, 2 => 100m, _ => 10_000m };

    private static string Set(string text, string key, string value) =>
        new Regex($@"^(?<prefix>[ \t]*{Regex.Escape(key)}:)[ \t]*[^#\n]*?(?<comment>[ \t]+#[^\n]*)?$", RegexOptions.Multiline)
            .Replace(text, m => $"{m.Groups["prefix"].Value} {value}{m.Groups["comment"].Value}", 1);

    private static IReadOnlyList<ConfigError> Parse(string text)
    {
        try
        {
            ConfigLoader.ParseGovernance(text);
            return [];
        }
        catch (ConfigValidationException exception)
        {
            return exception.Errors;
        }
    }
}
