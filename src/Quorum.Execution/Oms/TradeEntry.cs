namespace Quorum.Execution.Oms;

/// <summary>
/// How to enter a plan and what to manage, overriding the plan's metadata and the options. Every
/// null keeps the default: market entry, limit price = the plan's entry, strategy/time stop/break-even
/// from the plan's metadata (<see cref="PlanMetadataKeys"/>), then from <see cref="OmsOptions"/>.
/// </summary>
public sealed record TradeEntry
{
    public EntryOrderType Type { get; init; } = EntryOrderType.Market;

    /// <summary>Limit price of a limit entry; null: the plan's entry price.</summary>
    public decimal? LimitPrice { get; init; }

    public string? Strategy { get; init; }

    /// <summary>Close at market this long after the first entry fill.</summary>
    public TimeSpan? TimeStop { get; init; }

    /// <summary>Close at market after this many management-timeframe bars.</summary>
    public int? TimeStopBars { get; init; }

    /// <summary>Move the stop to the average entry after this many R in favour.</summary>
    public decimal? BreakEvenAtR { get; init; }

    /// <summary>
    /// Timeframe whose bars drive this trade's break-even, trail (and the ATR of an ATR trail) and bar time stop; null: the
    /// symbol's management timeframe (<see cref="OmsOptions.ManagementTimeframe"/>, else the first timeframe seen).
    /// </summary>
    public Core.Time.Timeframe? ManagementTimeframe { get; init; }

    /// <summary>A limit entry (post-only when the options say so).</summary>
    public static TradeEntry Limit(decimal? price = null) => new() { Type = EntryOrderType.Limit, LimitPrice = price };
}
