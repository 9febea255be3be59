using System.Globalization;
using Quorum.Core.Time;
using Quorum.Execution.Oms;

namespace Quorum.Research.Backtest;

/// <summary>
/// How the order-management system of a backtest places orders (the OMS options of <c>quorum backtest</c>): slicing of
/// large orders into child orders, post-only limit entries, the default break-even move and native or emulated brackets.
/// Every property left at its default keeps the OMS's default (docs/oms.md).
/// </summary>
public sealed record OmsSettings
{
    /// <summary>Most times a refused post-only entry may be sent again.</summary>
    public const int MaxPostOnlyRetries = 100;

    /// <summary>Largest quantity of one entry or exit child order (<c>--max-child-qty</c>); larger orders are sliced. Null: no limit.</summary>
    public decimal? MaxChildQuantity { get; init; }

    /// <summary>Largest notional of one child order at the plan's entry price (<c>--max-child-notional</c>). Null: no limit.</summary>
    public decimal? MaxChildNotional { get; init; }

    /// <summary>Limit entries go out post-only, maker only (<c>--post-only</c>); a market entry stays a market order.</summary>
    public bool PostOnlyEntries { get; init; }

    /// <summary>How often a post-only entry refused for taking liquidity is sent again, one bar later (<c>--post-only-retries</c>).</summary>
    public int PostOnlyRetries { get; init; }

    /// <summary>Move the stop to the average entry once the price went this many R in favour, for trades whose strategy sets no level (<c>--break-even-r</c>).</summary>
    public decimal? BreakEvenTriggerR { get; init; }

    /// <summary>Use the venue's native brackets and OCO (default); false: the OMS emulates them (<c>--brackets emulated</c>).</summary>
    public bool NativeBrackets { get; init; } = true;

    /// <summary>The <c>--brackets</c> name of <see cref="NativeBrackets"/>.</summary>
    public string BracketsName => NativeBrackets ? "native" : "emulated";

    /// <summary>Parses a <c>--brackets</c> name (null: native); throws naming the value and the allowed names.</summary>
    public static bool ParseNativeBrackets(string? text) => text switch
    {
        null or "native" => true,
        "emulated" => false,
        _ => throw new ArgumentException($"--brackets {text} is not known (allowed: native, emulated)"),
    };

    /// <summary>The OMS options of a backtest run with these settings.</summary>
    public OmsOptions ToOmsOptions(string botId, Timeframe? managementTimeframe, bool retainClosedTrades) => new()
    {
        BotId = botId,
        ManagementTimeframe = managementTimeframe,
        RetainClosedTrades = retainClosedTrades,
        MaxChildQuantity = MaxChildQuantity,
        MaxChildNotional = MaxChildNotional,
        PostOnlyEntries = PostOnlyEntries,
        PostOnlyRetries = PostOnlyRetries,
        BreakEvenTriggerR = BreakEvenTriggerR,
        UseNativeBrackets = NativeBrackets,
        UseNativeOco = NativeBrackets,
    };

    /// <summary>Checks every value; throws <see cref="ArgumentException"/> naming the option, the value and what is allowed.</summary>
    public void Validate()
    {
        if (MaxChildQuantity is <= 0m)
        {
            throw new ArgumentException($"--max-child-qty {MaxChildQuantity} is out of range (> 0)");
        }

        if (MaxChildNotional is <= 0m)
        {
            throw new ArgumentException($"--max-child-notional {MaxChildNotional} is out of range (> 0)");
        }

        if (PostOnlyRetries is < 0 or > MaxPostOnlyRetries)
        {
            throw new ArgumentException($"--post-only-retries {PostOnlyRetries} is out of range (0 ≤ retries ≤ {MaxPostOnlyRetries})");
        }

        if (PostOnlyRetries > 0 && !PostOnlyEntries)
        {
            throw new ArgumentException($"--post-only-retries {PostOnlyRetries} needs --post-only (retries are for refused post-only entries)");
        }

        if (BreakEvenTriggerR is <= 0m or > 100m)
        {
            throw new ArgumentException($"--break-even-r {BreakEvenTriggerR?.ToString(CultureInfo.InvariantCulture)} is out of range (0 < R ≤ 100)");
        }
    }
}
