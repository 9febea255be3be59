namespace Quorum.Research.Backtest;

/// <summary>
/// Which engine drives a backtest (<c>--engine</c>). Both give the same result.json, trades.csv and order-list hash —
/// DESIGN §1.1's parity, asserted by the parity tests — so the choice is about what is exercised, not about results.
/// </summary>
public enum BacktestEngine
{
    /// <summary><c>backtest</c> (default): <see cref="Quorum.Execution.Engine.BacktestLoop"/>, synchronous on the calling thread.</summary>
    Backtest = 0,

    /// <summary>
    /// <c>event-loop</c>: paper-on-replay — <see cref="Quorum.Execution.Engine.ReplayFeeder"/> posts the replay into the
    /// paper/live <see cref="Quorum.Execution.Engine.EventLoop"/> and the bot runs on the loop's thread.
    /// </summary>
    EventLoop,
}
