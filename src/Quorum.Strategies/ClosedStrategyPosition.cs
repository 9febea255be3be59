namespace Quorum.Strategies;

/// <summary>
/// A position of the strategy that has closed (seed 003 <c>close_position</c>): the position as it was,
/// the average exit price, the realized PnL after fees and funding (quote asset), when and why — the exit reasons of
/// trades.csv: <c>stop_loss</c>, <c>take_profit</c>, <c>trailing_stop</c>, <c>break_even</c>, <c>time_stop</c>,
/// <c>signal</c>, <c>liquidation</c>, <c>end_of_data</c> … (TradeExitReason in snake case).
/// </summary>
public sealed record ClosedStrategyPosition(
    StrategyPosition Position,
    decimal AverageExit,
    decimal RealizedPnl,
    long ClosedAtMs,
    string ExitReason);
