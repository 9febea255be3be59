using BenchmarkDotNet.Attributes;
using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Execution.Engine;

namespace Quorum.Benchmarks;

/// <summary>
/// The bare engine loop of issue 4, target (a): <see cref="BacktestLoop"/> replaying synthetic bars into a no-op
/// <see cref="IMarketReplayTarget"/> — merge, clock advance, timer checks, progress checks, one interface call per bar.
/// 1 symbol × 1 year of 1m bars (525,600 bars, one event time per bar: the clock moves every bar) and 100 symbols × 1 year
/// of 5m bars (10,512,000 bars, 100 bars per event time). <c>OperationsPerInvoke</c> = bars, so the mean is per bar and
/// "Allocated" is per bar (each invocation's fixed setup — a fresh clock, scheduler and merge cursors, about 1–20 KB — is
/// spread over its bars). Results go to docs/performance.md.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class EngineBenchmarks
{
    public const int MinuteBarsPerYear = 525_600;
    public const int SymbolCount = 100;
    public const int FiveMinuteBarsPerYear = 105_120;
    public const int ManySymbolBars = SymbolCount * FiveMinuteBarsPerYear;

    /// <summary>2024-01-01 00:00 UTC.</summary>
    private const long StartMs = 1_704_067_200_000;

    private MarketReplay _oneSymbol = null!;
    private MarketReplay _manySymbols = null!;

    [GlobalSetup(Target = nameof(OneSymbolOneYear1m))]
    public void SetupOneSymbol() =>
        _oneSymbol = new MarketReplay().AddBars(new BarStream(Symbol.Parse("BINANCE:BTCUSDT"), Timeframe.M1, RandomWalk(Timeframe.M1, MinuteBarsPerYear, seed: 1), BarRole.MatchAndDeliver));

    [GlobalSetup(Target = nameof(HundredSymbolsOneYear5m))]
    public void SetupManySymbols()
    {
        _manySymbols = new MarketReplay();
        for (var s = 0; s < SymbolCount; s++)
        {
            var symbol = new Symbol(Venue.Parse("BINANCE"), $"COIN{s}", "USDT", MarketType.Perpetual);
            _manySymbols.AddBars(new BarStream(symbol, Timeframe.M5, RandomWalk(Timeframe.M5, FiveMinuteBarsPerYear, seed: s + 1), BarRole.MatchAndDeliver));
        }
    }

    [Benchmark(OperationsPerInvoke = MinuteBarsPerYear, Description = "bare loop, 1 symbol x 1y of 1m (per bar)")]
    public long OneSymbolOneYear1m() => Run(_oneSymbol);

    [Benchmark(OperationsPerInvoke = ManySymbolBars, Description = "bare loop, 100 symbols x 1y of 5m (per bar)")]
    public long HundredSymbolsOneYear5m() => Run(_manySymbols);

    private static long Run(MarketReplay replay)
    {
        var clock = new SimulatedClock(StartMs);
        var target = new NoOpTarget();
        new BacktestLoop(clock, new EngineScheduler(clock)).Run(replay, target);
        return target.Bars;
    }

    /// <summary>A seeded random walk of sane bars (prices rounded to cents), cheap enough to build 10 M of in setup.</summary>
    private static Bar[] RandomWalk(Timeframe timeframe, int count, int seed)
    {
        var random = new Random(seed);
        var bars = new Bar[count];
        var price = 100m;
        for (var i = 0; i < count; i++)
        {
            var open = price;
            var close = Math.Max(1m, Math.Round(open * (1m + ((decimal)random.Next(-100, 101) / 10_000m)), 2));
            var high = Math.Max(open, close) + 0.05m;
            var low = Math.Max(0.01m, Math.Min(open, close) - 0.05m);
            bars[i] = new Bar(StartMs + (i * timeframe.Milliseconds), open, high, low, close, random.Next(1, 1_000));
            price = close;
        }

        return bars;
    }

    /// <summary>The strategy that does nothing: what remains is the engine loop itself.</summary>
    private sealed class NoOpTarget : IMarketReplayTarget
    {
        public long Bars { get; private set; }

        public void OnReplayBar(Symbol symbol, Timeframe timeframe, in Bar bar, BarRole role) => Bars++;

        public void OnReplayFunding(FundingRate rate)
        {
        }
    }
}
