using BenchmarkDotNet.Attributes;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Strategies;

namespace Quorum.Benchmarks;

/// <summary>
/// Issue 4 speed target (b): the reference strategy <c>ema_rsi_cross</c> (EMA 12/26 cross — a trade every ~43 one-minute
/// bars — and, in one row, EMA 200/800, a trade every ~700 bars; RSI(14) filter, long and short)
/// through the backtest runner's wiring — <see cref="Quorum.Execution.Engine.BacktestLoop"/>, the simulated exchange
/// (default Binance USDT-M fees and slippage), the ledger, the runner's bot (ATR(14), 2 × ATR stop sizing) and the OMS —
/// with every entry sent as a native bracket (entry + ATR stop + take-profits at 1R and 2R, <see cref="BacktestBracketSizer"/>).
/// Inputs are seeded random walks built in global setup (<see cref="BacktestMarket"/>); each iteration builds a fresh
/// session in iteration setup (not timed, not counted by the memory diagnoser) and replays one year.
/// <c>OperationsPerInvoke</c> = bars, so the mean is per bar and "Allocated" is bytes per bar.
/// The "silent" and "strategy only" rows are the profile by elimination: the same wiring with a strategy that never
/// signals, and the reference strategy alone over the bars with no engine around it. Results: docs/performance.md.
/// Twenty warm-up iterations, not ShortRun's three: an iteration is one whole run (the session is rebuilt for each), and
/// the runtime needs about a second of a run's code before it settles on its final (tier-1, profile-guided) code — a
/// 1-symbol run lasts ~50 ms. With three, the measured iterations were still partly on earlier code (measured: 140 ns
/// per bar in the last warm-up, then 104 and 95 in the first measured ones). Eight measured iterations. Each row runs in
/// its own process, so the bot's strategy call sees one strategy type, as in a user's backtest.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 20, iterationCount: 8)]
public class BacktestBenchmarks
{
    private const int OneSymbolBars = BacktestMarket.MinuteBarsPerYear;
    private const int ManySymbols = 100;
    private const int ManySymbolBars = ManySymbols * BacktestMarket.FiveMinuteBarsPerYear;

    private BarSeries[] _oneSymbol = null!;
    private BarSeries[] _manySymbols = null!;
    private BacktestSession _session = null!;
    private IStrategy _strategy = null!;

    [GlobalSetup(Targets = [nameof(ReferenceOneSymbol1m), nameof(SlowReferenceOneSymbol1m), nameof(SilentOneSymbol1m), nameof(StrategyOnlyOneSymbol1m)])]
    public void SetupOneSymbol() => _oneSymbol = BacktestMarket.Generate(1, Timeframe.M1, OneSymbolBars);

    [GlobalSetup(Targets = [nameof(ReferenceHundredSymbols5m), nameof(SlowReferenceHundredSymbols5m), nameof(SilentHundredSymbols5m)])]
    public void SetupManySymbols() => _manySymbols = BacktestMarket.Generate(ManySymbols, Timeframe.M5, BacktestMarket.FiveMinuteBarsPerYear);

    [IterationSetup(Target = nameof(ReferenceOneSymbol1m))]
    public void NewReferenceOneSymbol() =>
        _session = new BacktestSession(_oneSymbol, BacktestStrategies.Reference(_oneSymbol), new BacktestBracketSizer(1m));

    [IterationSetup(Target = nameof(SlowReferenceOneSymbol1m))]
    public void NewSlowReferenceOneSymbol() =>
        _session = new BacktestSession(_oneSymbol, BacktestStrategies.Reference(_oneSymbol, 200, 800), new BacktestBracketSizer(1m));

    [IterationSetup(Target = nameof(SilentOneSymbol1m))]
    public void NewSilentOneSymbol() =>
        _session = new BacktestSession(_oneSymbol, new BacktestStrategies.Silent(BacktestStrategies.Universe(_oneSymbol)), new BacktestBracketSizer(1m));

    [IterationSetup(Target = nameof(StrategyOnlyOneSymbol1m))]
    public void NewStrategyOnly() => _strategy = BacktestStrategies.Reference(_oneSymbol);

    [IterationSetup(Target = nameof(ReferenceHundredSymbols5m))]
    public void NewReferenceManySymbols() =>
        _session = new BacktestSession(_manySymbols, BacktestStrategies.Reference(_manySymbols), new BacktestBracketSizer(0.01m));

    [IterationSetup(Target = nameof(SlowReferenceHundredSymbols5m))]
    public void NewSlowReferenceManySymbols() =>
        _session = new BacktestSession(_manySymbols, BacktestStrategies.Reference(_manySymbols, 200, 800), new BacktestBracketSizer(0.01m));

    [IterationSetup(Target = nameof(SilentHundredSymbols5m))]
    public void NewSilentManySymbols() =>
        _session = new BacktestSession(_manySymbols, new BacktestStrategies.Silent(BacktestStrategies.Universe(_manySymbols)), new BacktestBracketSizer(0.01m));

    [Benchmark(OperationsPerInvoke = OneSymbolBars, Description = "reference strategy, full wiring, 1 symbol x 1y of 1m (per bar)")]
    public long ReferenceOneSymbol1m() => _session.Run();

    [Benchmark(OperationsPerInvoke = OneSymbolBars, Description = "reference strategy with EMA 200/800 (a trade per ~700 bars), full wiring, 1 symbol x 1y of 1m (per bar)")]
    public long SlowReferenceOneSymbol1m() => _session.Run();

    [Benchmark(OperationsPerInvoke = OneSymbolBars, Description = "silent strategy, full wiring, 1 symbol x 1y of 1m (per bar)")]
    public long SilentOneSymbol1m() => _session.Run();

    [Benchmark(OperationsPerInvoke = OneSymbolBars, Description = "reference strategy alone, no engine, 1 symbol x 1y of 1m (per bar)")]
    public long StrategyOnlyOneSymbol1m()
    {
        var sink = new BacktestStrategies.CountingSink();
        var strategy = _strategy;
        var series = _oneSymbol[0];
        var symbol = series.Symbol;
        var timeframe = series.Timeframe;
        foreach (ref readonly var bar in series.Span)
        {
            strategy.OnBar(symbol, timeframe, bar, sink);
        }

        return sink.Count;
    }

    [Benchmark(OperationsPerInvoke = ManySymbolBars, Description = "reference strategy, full wiring, 100 symbols x 1y of 5m (per bar)")]
    public long ReferenceHundredSymbols5m() => _session.Run();

    [Benchmark(OperationsPerInvoke = ManySymbolBars, Description = "reference strategy with EMA 200/800 (a trade per ~740 bars), full wiring, 100 symbols x 1y of 5m (per bar)")]
    public long SlowReferenceHundredSymbols5m() => _session.Run();

    [Benchmark(OperationsPerInvoke = ManySymbolBars, Description = "silent strategy, full wiring, 100 symbols x 1y of 5m (per bar)")]
    public long SilentHundredSymbols5m() => _session.Run();
}
