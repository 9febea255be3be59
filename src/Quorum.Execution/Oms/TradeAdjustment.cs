using System.Collections.Immutable;
using Quorum.Core.Trading;

namespace Quorum.Execution.Oms;

/// <summary>
/// A change to a trade (seed 004 ADJUST_TRADE): a new stop price, a new set of take-profits
/// (replacing the ones not yet filled), a new trail or removing the trail. Null keeps what is there.
/// </summary>
public sealed record TradeAdjustment
{
    public decimal? StopLoss { get; init; }

    /// <summary>New take-profit levels; fractions are of the trade's planned quantity and, with those already filled, sum to at most 1.</summary>
    public ImmutableArray<TakeProfit>? TakeProfits { get; init; }

    public TrailSpec? Trail { get; init; }

    /// <summary>Turn the trail off.</summary>
    public bool RemoveTrail { get; init; }
}
