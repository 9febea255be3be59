using System.Diagnostics;
using System.Globalization;
using Quorum.Core.Time;
using Quorum.Execution.Oms;

namespace Quorum.Benchmarks;

/// <summary>
/// Console mode <c>backtest-sweep</c>: the cost model of target (b). A bar costs the wiring around a strategy (the
/// silent strategy's run: replay, exchange, OMS, ledger, equity curve), plus the strategy's own work (the muted run: the
/// reference strategy with the same EMA pair updating its EMAs and RSI and building its signals, which are then dropped
/// before the bot sees them), plus the trades (sizing, the OMS, the exchange, the ledger for each signal acted on). The
/// reference strategy is run over the same bars with EMA pairs from fast (a trade every few dozen bars) to slow (a trade a
/// day or less); each line prints trades, bars per trade, ns per bar, bars/s, the muted run's ns per bar and the implied
/// µs per trade ((ns/bar − muted ns/bar) × bars ÷ trades). Every configuration runs once to warm up, then
/// <c>--repeat</c> times; the fastest run is reported (the machine is shared; the minimum is the least disturbed).
/// <c>--no-baselines</c> skips the silent and muted runs (for a profiler: only the reference strategy's runs are sampled).
/// Usage: <c>backtest-sweep [--symbols N] [--timeframe 1m] [--pairs 12/26,50/200] [--repeat N] [--no-baselines]</c>.
/// </summary>
internal static class BacktestSweepProbe
{
    public static int Run(string[] args)
    {
        var symbols = int.Parse(OptionText(args, "--symbols") ?? "1", CultureInfo.InvariantCulture);
        var timeframe = Timeframe.Parse(OptionText(args, "--timeframe") ?? "1m");
        var repeat = int.Parse(OptionText(args, "--repeat") ?? "3", CultureInfo.InvariantCulture);
        var pairs = (OptionText(args, "--pairs") ?? "12/26,24/52,50/100,50/200,100/400,200/800")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('/'))
            .Select(p => (Fast: int.Parse(p[0], CultureInfo.InvariantCulture), Slow: int.Parse(p[1], CultureInfo.InvariantCulture)))
            .ToArray();
        var barsPerSymbol = timeframe == Timeframe.M1 ? BacktestMarket.MinuteBarsPerYear : (int)(365L * 24 * 60 * 60 * 1000 / timeframe.Milliseconds);
        var series = BacktestMarket.Generate(symbols, timeframe, barsPerSymbol);
        var bars = series.Sum(s => (long)s.Count);
        var risk = symbols == 1 ? 1m : 0.01m;
        Console.WriteLine($"// backtest-sweep: {symbols} symbol(s) x {barsPerSymbol:N0} {timeframe} bars = {bars:N0} bars; best of {repeat} after a warm-up run; " +
                          $"{Environment.ProcessorCount} cores, load average {LoadAverage()}");

        var baselines = !args.Contains("--no-baselines");
        var silent = !baselines ? TimeSpan.Zero : Best(repeat, () => new BacktestSession(series, new BacktestStrategies.Silent(BacktestStrategies.Universe(series)), new BacktestBracketSizer(risk)), out _);
        var silentNs = silent.TotalNanoseconds / bars;
        Console.WriteLine($"silent strategy            : {silentNs,7:F1} ns/bar {bars / silent.TotalSeconds / 1e6,6:F2} M bars/s");
        Console.WriteLine("| EMA fast/slow | trades | bars per trade | ns per bar | bars/s | muted ns per bar | µs per trade | allocated per bar |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (fast, slow) in pairs)
        {
            var elapsed = Best(repeat, () => new BacktestSession(series, BacktestStrategies.Reference(series, fast, slow), new BacktestBracketSizer(risk)), out var run);
            var ns = elapsed.TotalNanoseconds / bars;
            var muted = !baselines ? TimeSpan.Zero : Best(repeat, () => new BacktestSession(series, new BacktestStrategies.Muted(BacktestStrategies.Reference(series, fast, slow)), new BacktestBracketSizer(risk)), out _);
            var mutedNs = muted.TotalNanoseconds / bars;
            var perTrade = run.Trades == 0 || !baselines ? double.NaN : (ns - mutedNs) * bars / run.Trades / 1000;
            Console.WriteLine(
                $"| {fast}/{slow} | {run.Trades:N0} | {bars / Math.Max(1.0, run.Trades):N0} | {ns:F1} | {bars / elapsed.TotalSeconds / 1e6:F2} M | {mutedNs:F1} | {perTrade:F1} | {run.AllocatedPerBar:F1} B |");
        }

        return 0;
    }

    private static TimeSpan Best(int repeat, Func<BacktestSession> build, out RunFacts facts)
    {
        var best = TimeSpan.MaxValue;
        facts = default;
        for (var r = 0; r <= repeat; r++)
        {
            var counter = new TradeCounter();
            var session = build();
            session.Oms.AddListener(counter);
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            var events = session.Run();
            var elapsed = Stopwatch.GetElapsedTime(start);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            if (r > 0 && elapsed < best)
            {
                best = elapsed;
                facts = new RunFacts(counter.Trades, allocated / (double)events);
            }
        }

        return best;
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private static string? OptionText(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private readonly record struct RunFacts(long Trades, double AllocatedPerBar);

    /// <summary>Counts trades opened (first entry fill) — the unit of the per-trade cost.</summary>
    private sealed class TradeCounter : IOmsListener
    {
        public long Trades { get; private set; }

        public void OnTradeOpened(Quorum.Execution.Oms.Trade trade) => Trades++;
    }
}
