using System.Globalization;
using Quorum.Configuration;
using Quorum.Execution.Simulation;

namespace Quorum.Research.Backtest;

/// <summary>
/// How the simulated exchange of a backtest fills (the venue options of <c>quorum backtest</c>): fees, slippage, the
/// assumed path through a bar, limit fills on touch, the volume-participation cap and the leverage of perpetuals.
/// Every property left at its default keeps the exchange's documented default (docs/simulated-exchange.md).
/// </summary>
public sealed record ExchangeSettings
{
    /// <summary>Highest <c>--leverage</c>: the top of the range governance.yaml's <c>leverage_cap</c> may take.</summary>
    public const int MaxLeverage = 10;

    /// <summary>Highest fee, slippage or spread in basis points the options accept.</summary>
    public const decimal MaxBps = 1_000m;

    /// <summary>One fee for maker and taker on every venue and market, in bps (<c>--fee-bps</c>); null = the venue defaults.</summary>
    public decimal? FeeBps { get; init; }

    /// <summary>Maker fee on every venue and market, in bps (<c>--maker-bps</c>); wins over <see cref="FeeBps"/> for makers.</summary>
    public decimal? MakerFeeBps { get; init; }

    /// <summary>Taker fee on every venue and market, in bps (<c>--taker-bps</c>); wins over <see cref="FeeBps"/> for takers.</summary>
    public decimal? TakerFeeBps { get; init; }

    /// <summary>
    /// Fixed slippage of taker fills, in bps (<c>--slippage-bps</c>). Given alone it replaces the default model (no impact
    /// term); null = the default's 0 bps.
    /// </summary>
    public decimal? SlippageBps { get; init; }

    /// <summary>
    /// k of the volatility/volume term k × (high − low)/open × √(quantity/volume) (<c>--slippage-impact</c>); null = the
    /// default 0.1, or 0 when <see cref="SlippageBps"/> is given.
    /// </summary>
    public decimal? SlippageImpact { get; init; }

    /// <summary>Modelled half-spread paid by taker fills, in bps (<c>--half-spread-bps</c>); null = none.</summary>
    public decimal? HalfSpreadBps { get; init; }

    /// <summary>The assumed path through each bar (<c>--intrabar-path</c>); default conservative (a stop before its target).</summary>
    public IntrabarPath IntrabarPath { get; init; } = IntrabarPath.Conservative;

    /// <summary>Resting limits fill when the bar touches their price (<c>--limit-fill touch</c>); default false: only when it trades through.</summary>
    public bool LimitFillsOnTouch { get; init; }

    /// <summary>Largest share of a bar's volume a symbol's orders may fill on it (<c>--participation-cap</c>); default 1; null = no cap.</summary>
    public decimal? ParticipationCap { get; init; } = 1m;

    /// <summary>
    /// Leverage of perpetual positions (<c>--leverage</c>, 1–<see cref="MaxLeverage"/>, at most governance.yaml's
    /// <c>leverage_cap</c>); null = the cap, floored (1 without a governance.yaml).
    /// </summary>
    public int? Leverage { get; init; }

    /// <summary>The <c>--intrabar-path</c> names, in the order help lists them.</summary>
    public static IReadOnlyList<KeyValuePair<string, IntrabarPath>> IntrabarPathNames { get; } =
    [
        KeyValuePair.Create("conservative", IntrabarPath.Conservative),
        KeyValuePair.Create("ohlc", IntrabarPath.OpenHighLowClose),
        KeyValuePair.Create("olhc", IntrabarPath.OpenLowHighClose),
        KeyValuePair.Create("bar-direction", IntrabarPath.ByBarDirection),
    ];

    /// <summary>The <c>--intrabar-path</c> name of <see cref="IntrabarPath"/>.</summary>
    public string IntrabarPathName => IntrabarPathNames.First(p => p.Value == IntrabarPath).Key;

    /// <summary>Parses an <c>--intrabar-path</c> name (null: the default, conservative); throws naming the value and the allowed names.</summary>
    public static IntrabarPath ParseIntrabarPath(string? text)
    {
        if (text is null)
        {
            return IntrabarPath.Conservative;
        }

        foreach (var (name, path) in IntrabarPathNames)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                return path;
            }
        }

        throw new ArgumentException($"--intrabar-path {text} is not known (allowed: {string.Join(", ", IntrabarPathNames.Select(p => p.Key))})");
    }

    /// <summary>The fee schedule the exchange charges.</summary>
    public FeeSchedule Fees()
    {
        var schedule = FeeBps is { } fee ? FeeSchedule.Flat(fee) : FeeSchedule.Default;
        return MakerFeeBps is null && TakerFeeBps is null ? schedule : schedule.Override(MakerFeeBps, TakerFeeBps);
    }

    /// <summary>The slippage model of taker fills.</summary>
    public SlippageModel Slippage() =>
        SlippageBps is null && SlippageImpact is null && HalfSpreadBps is null
            ? SlippageModel.Default
            : new SlippageModel(
                SlippageBps ?? SlippageModel.Default.FixedBps,
                SlippageImpact ?? (SlippageBps is null ? SlippageModel.Default.ImpactFactor : 0m),
                HalfSpreadBps ?? SlippageModel.Default.HalfSpreadBps);

    /// <summary>The leverage perpetuals trade at: <see cref="Leverage"/>, else governance's cap floored, else 1.</summary>
    public int LeverageUnder(GovernanceConfig? governance) =>
        Leverage ?? (governance is { } limits ? Math.Max(1, (int)Math.Floor(limits.LeverageCap)) : 1);

    /// <summary>The fees in words, for result.json and the report.</summary>
    public string DescribeFees()
    {
        if (MakerFeeBps is null && TakerFeeBps is null)
        {
            return FeeBps is { } flat ? $"{Bps(flat)} maker and taker" : "venue defaults (docs/simulated-exchange.md)";
        }

        var fallback = FeeBps is { } fee ? Bps(fee) : "venue default";
        return $"maker {(MakerFeeBps is { } maker ? Bps(maker) : fallback)}, taker {(TakerFeeBps is { } taker ? Bps(taker) : fallback)}";
    }

    /// <summary>The slippage model in words, for result.json and the report.</summary>
    public string DescribeSlippage()
    {
        var model = Slippage();
        var impact = model.ImpactFactor == 0m
            ? "no impact term"
            : $"{model.ImpactFactor.ToString(CultureInfo.InvariantCulture)} × (high − low)/open × √(quantity/volume)";
        var spread = model.HalfSpreadBps == 0m ? string.Empty : $", half-spread {Bps(model.HalfSpreadBps)}";
        var text = $"{Bps(model.FixedBps)} fixed + {impact}{spread}";
        return ReferenceEquals(model, SlippageModel.Default) ? $"exchange default model: {text} (docs/simulated-exchange.md)" : text;
    }

    /// <summary>Checks every value; throws <see cref="ArgumentException"/> naming the option, the value and what is allowed.</summary>
    public void Validate(GovernanceConfig? governance)
    {
        CheckBps("--fee-bps", FeeBps);
        CheckBps("--maker-bps", MakerFeeBps);
        CheckBps("--taker-bps", TakerFeeBps);
        CheckBps("--slippage-bps", SlippageBps);
        CheckBps("--half-spread-bps", HalfSpreadBps);
        if (SlippageImpact is < 0m or > 10m)
        {
            throw new ArgumentException($"--slippage-impact {SlippageImpact} is out of range (0 ≤ k ≤ 10; the default is 0.1)");
        }

        if (!Enum.IsDefined(IntrabarPath))
        {
            throw new ArgumentException($"--intrabar-path {(int)IntrabarPath} is not a path (allowed: {string.Join(", ", IntrabarPathNames.Select(p => p.Key))})");
        }

        if (ParticipationCap is <= 0m or > 1m)
        {
            throw new ArgumentException($"--participation-cap {ParticipationCap} is out of range (0 < share of the bar's volume ≤ 1, or none)");
        }

        if (Leverage is { } leverage)
        {
            if (leverage is < 1 or > MaxLeverage)
            {
                throw new ArgumentException($"--leverage {leverage} is out of range (1 ≤ leverage ≤ {MaxLeverage})");
            }

            if (governance is { } limits && leverage > limits.LeverageCap)
            {
                throw new ArgumentException(
                    $"--leverage {leverage} is above governance.yaml's leverage_cap {limits.LeverageCap.ToString(CultureInfo.InvariantCulture)} " +
                    "(the locked limits are changed only by editing governance.yaml)");
            }
        }
    }

    private static void CheckBps(string option, decimal? value)
    {
        if (value is < 0m or > MaxBps)
        {
            throw new ArgumentException($"{option} {value} is out of range (0 ≤ bps ≤ {MaxBps.ToString(CultureInfo.InvariantCulture)})");
        }
    }

    private static string Bps(decimal value) => $"{value.ToString(CultureInfo.InvariantCulture)} bps";
}
