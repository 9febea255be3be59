using Quorum.Core.MarketData;
using Quorum.Research.Statistics;

namespace Quorum.Research.Backtest;

/// <summary>
/// Everything a backtest produced: the run facts, the statistics (overall, per strategy, per symbol),
/// the closed trades, the equity curve (one point per primary-timeframe close, plus the start), the
/// bars (for charts) and the SHA-256 of the order commands sent.
/// </summary>
public sealed record BacktestResult(
    BacktestRunInfo Run,
    PerformanceSummary Summary,
    IReadOnlyList<TradeSummary> Trades,
    long[] EquityTimesMs,
    decimal[] Equity,
    IReadOnlyList<BarSeries> Series,
    string OrderListHash,
    int OrderCommands,
    int Signals,
    IReadOnlyList<SkippedSignal> SkippedSignals,
    int OpenTradesAtEnd)
{
    private readonly int? _skippedSignalCount;

    /// <summary>
    /// Every signal the bot refused; <see cref="SkippedSignals"/> keeps the first 10,000 of them with their reasons (the
    /// count alone past that, so memory does not grow with a churning run's refusals). Defaults to that list's size.
    /// </summary>
    public int SkippedSignalCount
    {
        get => _skippedSignalCount ?? SkippedSignals.Count;
        init => _skippedSignalCount = value;
    }

    /// <summary>The risk gate's decisions and governor events when the run obeyed a governance.yaml; null otherwise.</summary>
    public BacktestRiskLog? Risk { get; init; }
}
