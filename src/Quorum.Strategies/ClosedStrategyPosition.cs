namespace Quorum.Strategies;

/// <summary>
/// A position of the strategy that has closed (seed 003 <c>close_position</c>): the position as it was,
/// the average exit price, the realized PnL after fees (quote asset), when and why (stop, take_profit,
/// trail, time_stop, signal, end_of_data …).
/// </summary>
public sealed record ClosedStrategyPosition(
    StrategyPosition Position,
    decimal AverageExit,
    decimal RealizedPnl,
    long ClosedAtMs,
    string ExitReason);
