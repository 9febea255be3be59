namespace Quorum.Research.Statistics;

/// <summary>
/// Performance statistics of a backtest (or of one strategy's or symbol's trades in it), made by
/// <see cref="PerformanceStatistics.Compute(IReadOnlyList{TradeSummary}, ReadOnlySpan{long}, ReadOnlySpan{decimal}, decimal, double)"/>.
/// Money is decimal in the quote asset; ratios are doubles. Conventions: counts and sums are 0 when there is nothing
/// to count; an average or ratio that is undefined (no trades, no losses, zero volatility, too short a curve) is
/// null — never NaN or infinity — so a JSON writer always has a number or null. Fractions are 0..1
/// (<see cref="WinRate"/>, <see cref="Exposure"/>); names ending in <c>Pct</c> are percentages. Formulas:
/// docs/accounting-and-statistics.md.
/// </summary>
public sealed record PerformanceSummary
{
    /// <summary>Closed trades counted.</summary>
    public required int Trades { get; init; }

    /// <summary>Trades with net PnL &gt; 0.</summary>
    public required int Wins { get; init; }

    /// <summary>Trades with net PnL &lt; 0 (a trade netting exactly 0 is neither).</summary>
    public required int Losses { get; init; }

    /// <summary>Wins / trades (0..1); null without trades.</summary>
    public required double? WinRate { get; init; }

    /// <summary>
    /// Gross profit / gross loss; null when there is no loss (infinite when there are wins, undefined otherwise — check
    /// <see cref="Wins"/>).
    /// </summary>
    public required double? ProfitFactor { get; init; }

    /// <summary>Net PnL / trades (quote per trade); null without trades.</summary>
    public required decimal? Expectancy { get; init; }

    /// <summary>
    /// Σ net PnL / Σ initial risk over the trades that have an initial risk: the expectancy in R of one unit of risk;
    /// null when no trade has one.
    /// </summary>
    public required double? ExpectancyR { get; init; }

    /// <summary>Mean of the R multiples of the trades that have one; null when none has.</summary>
    public required double? AverageR { get; init; }

    /// <summary>Net PnL of the best trade; null without trades.</summary>
    public required decimal? BestTrade { get; init; }

    /// <summary>Net PnL of the worst trade; null without trades.</summary>
    public required decimal? WorstTrade { get; init; }

    /// <summary>Σ net PnL of the trades.</summary>
    public required decimal NetPnl { get; init; }

    /// <summary>Σ net PnL of the winning trades (≥ 0).</summary>
    public required decimal GrossProfit { get; init; }

    /// <summary>|Σ net PnL of the losing trades| (≥ 0, a magnitude).</summary>
    public required decimal GrossLoss { get; init; }

    /// <summary>Σ fees of the trades.</summary>
    public required decimal Fees { get; init; }

    /// <summary>Σ funding of the trades (received; negative when paid).</summary>
    public required decimal Funding { get; init; }

    /// <summary>Mean trade duration (ms, truncated); null without trades.</summary>
    public required long? AverageTradeDurationMs { get; init; }

    /// <summary>Equity the run started with.</summary>
    public required decimal InitialEquity { get; init; }

    /// <summary>Last equity of the curve (the initial equity when the curve is empty).</summary>
    public required decimal FinalEquity { get; init; }

    /// <summary>(final / initial − 1) × 100.</summary>
    public required double ReturnPct { get; init; }

    /// <summary>Compound annual growth, ((final / initial)^(1 / years) − 1) × 100 over the curve's span; null when the span is 0.</summary>
    public required double? CagrPct { get; init; }

    /// <summary>Largest fall from a running peak (starting at the initial equity), as a percentage of that peak (≥ 0).</summary>
    public required double MaxDrawdownPct { get; init; }

    /// <summary>Longest time from a peak to the first point back at or above it (or to the end of the curve), in ms.</summary>
    public required long MaxDrawdownDurationMs { get; init; }

    /// <summary>Annualized Sharpe ratio of per-period equity returns (risk-free 0, sample deviation); null with under 2 returns or zero deviation.</summary>
    public required double? Sharpe { get; init; }

    /// <summary>Annualized Sortino ratio (target 0, downside deviation over all periods); null with under 2 returns or no losing period.</summary>
    public required double? Sortino { get; init; }

    /// <summary>CAGR % / max drawdown %; null when either is null or the drawdown is 0.</summary>
    public required double? Calmar { get; init; }

    /// <summary>Fraction of the curve's span (0..1) during which at least one trade was open; null when the span is 0.</summary>
    public required double? Exposure { get; init; }

    /// <summary>Periods per year used to annualize Sharpe and Sortino.</summary>
    public required double PeriodsPerYear { get; init; }

    /// <summary>The same statistics per strategy, keys in ordinal order; empty inside a breakdown.</summary>
    public required IReadOnlyDictionary<string, PerformanceSummary> ByStrategy { get; init; }

    /// <summary>The same statistics per symbol (<c>VENUE:BASEQUOTE[.P]</c>), keys in ordinal order; empty inside a breakdown.</summary>
    public required IReadOnlyDictionary<string, PerformanceSummary> BySymbol { get; init; }
}
