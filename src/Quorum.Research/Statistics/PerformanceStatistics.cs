using Quorum.Core.Time;
using Quorum.Execution.Accounting;

namespace Quorum.Research.Statistics;

/// <summary>
/// Computes a <see cref="PerformanceSummary"/> from closed trades and an equity curve (times + equity values, e.g.
/// the ledger's <see cref="EquityCurve"/>), with the same statistics per strategy and per symbol. Deterministic:
/// the same inputs give bit-identical results (no hash-order dependence; keys sorted ordinally).
/// Formulas and conventions: docs/accounting-and-statistics.md.
/// </summary>
public static class PerformanceStatistics
{
    /// <summary>Crypto trades every day: a year is 365 days of bars.</summary>
    public const double DaysPerYear = 365d;

    private const long YearMs = 365L * Timeframe.DayMs;

    /// <summary>Bars of <paramref name="timeframe"/> in a year: 365 × bars per day (525 600 for 1m, 8 760 for 1h, 365 for 1d, 52.14… for 1w).</summary>
    public static double PeriodsPerYear(Timeframe timeframe)
    {
        if (timeframe.Name is null)
        {
            throw new ArgumentException("timeframe is required (got the default, empty timeframe)", nameof(timeframe));
        }

        return DaysPerYear * Timeframe.DayMs / timeframe.Milliseconds;
    }

    /// <summary>Statistics of <paramref name="trades"/> and the ledger's <paramref name="curve"/>, annualized for bars of <paramref name="timeframe"/>.</summary>
    public static PerformanceSummary Compute(IReadOnlyList<TradeSummary> trades, EquityCurve curve, decimal initialEquity, Timeframe timeframe)
    {
        ArgumentNullException.ThrowIfNull(curve);
        return Compute(trades, curve.Times, curve.Equity, initialEquity, PeriodsPerYear(timeframe));
    }

    /// <summary>Statistics annualized for one equity point per bar of <paramref name="timeframe"/>.</summary>
    public static PerformanceSummary Compute(
        IReadOnlyList<TradeSummary> trades, ReadOnlySpan<long> equityTimes, ReadOnlySpan<decimal> equityValues, decimal initialEquity, Timeframe timeframe) =>
        Compute(trades, equityTimes, equityValues, initialEquity, PeriodsPerYear(timeframe));

    /// <summary>
    /// Statistics of <paramref name="trades"/> and the equity curve (<paramref name="equityTimes"/> strictly increasing,
    /// one value per time), starting from <paramref name="initialEquity"/> (&gt; 0), with Sharpe and Sortino annualized by
    /// √<paramref name="periodsPerYear"/>. Per strategy and per symbol, the equity-based figures use that subset's
    /// realized curve: initial equity + Σ net PnL of its trades closed by each time of the curve.
    /// </summary>
    public static PerformanceSummary Compute(
        IReadOnlyList<TradeSummary> trades, ReadOnlySpan<long> equityTimes, ReadOnlySpan<decimal> equityValues, decimal initialEquity, double periodsPerYear)
    {
        ArgumentNullException.ThrowIfNull(trades);
        Validate(equityTimes, equityValues, initialEquity, periodsPerYear);
        for (var i = 0; i < trades.Count; i++)
        {
            if (trades[i] is null)
            {
                throw new ArgumentException($"trade #{i} is null", nameof(trades));
            }
        }

        var byStrategy = Breakdown(trades, static t => t.Strategy, equityTimes, initialEquity, periodsPerYear);
        var bySymbol = Breakdown(trades, static t => t.Symbol.ToString(), equityTimes, initialEquity, periodsPerYear);
        return Summarize(trades, equityTimes, equityValues, initialEquity, periodsPerYear, byStrategy, bySymbol);
    }

    private static SortedDictionary<string, PerformanceSummary> Breakdown(
        IReadOnlyList<TradeSummary> trades, Func<TradeSummary, string> key, ReadOnlySpan<long> times, decimal initialEquity, double periodsPerYear)
    {
        var groups = new SortedDictionary<string, List<TradeSummary>>(StringComparer.Ordinal);
        foreach (var trade in trades)
        {
            var name = key(trade);
            if (!groups.TryGetValue(name, out var group))
            {
                groups.Add(name, group = []);
            }

            group.Add(trade);
        }

        var result = new SortedDictionary<string, PerformanceSummary>(StringComparer.Ordinal);
        var empty = new SortedDictionary<string, PerformanceSummary>(StringComparer.Ordinal);
        foreach (var (name, group) in groups)
        {
            var values = RealizedCurve(group, times, initialEquity);
            result.Add(name, Summarize(group, times, values, initialEquity, periodsPerYear, empty, empty));
        }

        return result;
    }

    /// <summary>initial + Σ net PnL of the trades whose exit time is at or before each time.</summary>
    private static decimal[] RealizedCurve(List<TradeSummary> trades, ReadOnlySpan<long> times, decimal initialEquity)
    {
        var byExit = trades.OrderBy(t => t.ExitTimeMs).ThenBy(t => t.TradeId, StringComparer.Ordinal).ToArray();
        var values = new decimal[times.Length];
        var equity = initialEquity;
        var next = 0;
        for (var i = 0; i < times.Length; i++)
        {
            while (next < byExit.Length && byExit[next].ExitTimeMs <= times[i])
            {
                equity += byExit[next++].NetPnl;
            }

            values[i] = equity;
        }

        return values;
    }

    private static PerformanceSummary Summarize(
        IReadOnlyList<TradeSummary> trades,
        ReadOnlySpan<long> times,
        ReadOnlySpan<decimal> values,
        decimal initialEquity,
        double periodsPerYear,
        IReadOnlyDictionary<string, PerformanceSummary> byStrategy,
        IReadOnlyDictionary<string, PerformanceSummary> bySymbol)
    {
        var t = TradeFigures.Of(trades);
        var finalEquity = values.Length > 0 ? values[^1] : initialEquity;
        var returnRatio = finalEquity / initialEquity;
        var (maxDrawdown, maxDrawdownDuration) = Drawdown(times, values, initialEquity);
        var cagrPct = Cagr(times, returnRatio);
        var (sharpe, sortino) = RiskAdjusted(values, periodsPerYear);
        var maxDrawdownPct = (double)(maxDrawdown * 100m);
        return new PerformanceSummary
        {
            Trades = trades.Count,
            Wins = t.Wins,
            Losses = t.Losses,
            WinRate = trades.Count == 0 ? null : (double)t.Wins / trades.Count,
            ProfitFactor = t.GrossLoss > 0m ? (double)(t.GrossProfit / t.GrossLoss) : null,
            Expectancy = trades.Count == 0 ? null : t.NetPnl / trades.Count,
            ExpectancyR = t.RiskSum > 0m ? (double)(t.NetPnlOfRiskedTrades / t.RiskSum) : null,
            AverageR = t.RiskedTrades == 0 ? null : (double)(t.RSum / t.RiskedTrades),
            BestTrade = t.Best,
            WorstTrade = t.Worst,
            NetPnl = t.NetPnl,
            GrossProfit = t.GrossProfit,
            GrossLoss = t.GrossLoss,
            Fees = t.Fees,
            Funding = t.Funding,
            AverageTradeDurationMs = trades.Count == 0 ? null : t.DurationSum / trades.Count,
            InitialEquity = initialEquity,
            FinalEquity = finalEquity,
            ReturnPct = (double)((returnRatio - 1m) * 100m),
            CagrPct = cagrPct,
            MaxDrawdownPct = maxDrawdownPct,
            MaxDrawdownDurationMs = maxDrawdownDuration,
            Sharpe = sharpe,
            Sortino = sortino,
            Calmar = cagrPct is { } cagr && maxDrawdownPct > 0d ? cagr / maxDrawdownPct : null,
            Exposure = Exposure(trades, times),
            PeriodsPerYear = periodsPerYear,
            ByStrategy = byStrategy,
            BySymbol = bySymbol,
        };
    }

    /// <summary>
    /// Largest (peak − equity) / peak with the running peak starting at the initial equity, and the longest time under
    /// water: from the last point at a peak to the first point back at or above it, or to the end of the curve.
    /// </summary>
    private static (decimal MaxDrawdown, long DurationMs) Drawdown(ReadOnlySpan<long> times, ReadOnlySpan<decimal> values, decimal initialEquity)
    {
        if (values.Length == 0)
        {
            return (0m, 0L);
        }

        var peak = initialEquity;
        var peakTime = times[0];
        var underWater = false;
        var maxDrawdown = 0m;
        var longest = 0L;
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] >= peak)
            {
                if (underWater)
                {
                    longest = Math.Max(longest, times[i] - peakTime);
                    underWater = false;
                }

                peak = values[i];
                peakTime = times[i];
                continue;
            }

            underWater = true;
            maxDrawdown = Math.Max(maxDrawdown, (peak - values[i]) / peak);
        }

        if (underWater)
        {
            longest = Math.Max(longest, times[^1] - peakTime);
        }

        return (maxDrawdown, longest);
    }

    /// <summary>((final / initial)^(1 / years) − 1) × 100, years = (last time − first time) / 365 days; −100 when equity ended ≤ 0.</summary>
    private static double? Cagr(ReadOnlySpan<long> times, decimal returnRatio)
    {
        if (times.Length < 2 || times[^1] <= times[0])
        {
            return null;
        }

        if (returnRatio <= 0m)
        {
            return -100d;
        }

        var years = (double)(times[^1] - times[0]) / YearMs;
        return (Math.Pow((double)returnRatio, 1d / years) - 1d) * 100d;
    }

    /// <summary>
    /// Per-period returns r = value[i] / value[i−1] − 1 (periods starting at equity ≤ 0 are skipped). Sharpe = mean /
    /// sample deviation × √periods per year; Sortino = mean / √(Σ min(r, 0)² / n) × √periods per year.
    /// </summary>
    private static (double? Sharpe, double? Sortino) RiskAdjusted(ReadOnlySpan<decimal> values, double periodsPerYear)
    {
        var returns = new List<double>(Math.Max(0, values.Length - 1));
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i - 1] > 0m)
            {
                returns.Add((double)((values[i] / values[i - 1]) - 1m));
            }
        }

        if (returns.Count < 2)
        {
            return (null, null);
        }

        var sum = 0d;
        foreach (var r in returns)
        {
            sum += r;
        }

        var mean = sum / returns.Count;
        var squaredDeviations = 0d;
        var squaredDownside = 0d;
        foreach (var r in returns)
        {
            squaredDeviations += (r - mean) * (r - mean);
            if (r < 0d)
            {
                squaredDownside += r * r;
            }
        }

        var annualization = Math.Sqrt(periodsPerYear);
        var deviation = Math.Sqrt(squaredDeviations / (returns.Count - 1));
        var downsideDeviation = Math.Sqrt(squaredDownside / returns.Count);
        double? sharpe = deviation > 0d ? mean / deviation * annualization : null;
        double? sortino = downsideDeviation > 0d ? mean / downsideDeviation * annualization : null;
        return (sharpe, sortino);
    }

    /// <summary>Length of the union of the trades' [entry, exit] intervals clipped to the curve's span, over that span.</summary>
    private static double? Exposure(IReadOnlyList<TradeSummary> trades, ReadOnlySpan<long> times)
    {
        if (times.Length < 2 || times[^1] <= times[0])
        {
            return null;
        }

        var start = times[0];
        var end = times[^1];
        var intervals = new List<(long From, long To)>(trades.Count);
        foreach (var trade in trades)
        {
            var from = Math.Max(trade.EntryTimeMs, start);
            var to = Math.Min(trade.ExitTimeMs, end);
            if (to > from)
            {
                intervals.Add((from, to));
            }
        }

        intervals.Sort();
        var covered = 0L;
        var currentFrom = 0L;
        var currentTo = long.MinValue;
        foreach (var (from, to) in intervals)
        {
            if (from > currentTo)
            {
                if (currentTo > currentFrom)
                {
                    covered += currentTo - currentFrom;
                }

                (currentFrom, currentTo) = (from, to);
            }
            else if (to > currentTo)
            {
                currentTo = to;
            }
        }

        if (currentTo > currentFrom)
        {
            covered += currentTo - currentFrom;
        }

        return (double)covered / (end - start);
    }

    private static void Validate(ReadOnlySpan<long> times, ReadOnlySpan<decimal> values, decimal initialEquity, double periodsPerYear)
    {
        if (times.Length != values.Length)
        {
            throw new ArgumentException($"equity curve has {times.Length} times but {values.Length} values (one value per time)", nameof(values));
        }

        for (var i = 1; i < times.Length; i++)
        {
            if (times[i] <= times[i - 1])
            {
                throw new ArgumentException(
                    $"equity time #{i} = {times[i]} is not after #{i - 1} = {times[i - 1]} (times must strictly increase)", nameof(times));
            }
        }

        if (initialEquity <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(initialEquity), initialEquity, $"initial equity {initialEquity} must be positive (> 0)");
        }

        if (!double.IsFinite(periodsPerYear) || periodsPerYear <= 0d)
        {
            throw new ArgumentOutOfRangeException(nameof(periodsPerYear), periodsPerYear, $"periods per year {periodsPerYear} must be a positive finite number");
        }
    }
}
