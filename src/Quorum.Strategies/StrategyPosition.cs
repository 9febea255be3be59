using Quorum.Core.Instruments;
using Quorum.Core.Trading;

namespace Quorum.Strategies;

/// <summary>
/// An open position of a strategy as its lifecycle hooks see it (seed 003 <c>open_position</c> /
/// <c>update_positions</c>): the trade id, what was entered, and the signal that asked for it (its
/// metadata carries the strategy's own tags, e.g. a grid level).
/// </summary>
public sealed record StrategyPosition(
    string TradeId,
    Symbol Symbol,
    PositionSide Side,
    decimal Quantity,
    decimal AverageEntry,
    long OpenedAtMs,
    Signal EntrySignal);
