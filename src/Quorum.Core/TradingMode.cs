namespace Quorum.Core;

/// <summary>How a bot runs. Only the clock and the venue differ between modes.</summary>
public enum TradingMode
{
    /// <summary>Historical replay on the simulated clock and the simulated exchange.</summary>
    Backtest,

    /// <summary>Real (or replayed) market data with simulated fills. The safe default.</summary>
    Paper,

    /// <summary>Real orders on a real exchange.</summary>
    Live,
}
