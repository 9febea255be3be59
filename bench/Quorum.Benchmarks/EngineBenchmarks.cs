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
/// spread over its bars). A third case replays what a real bot sees — 1m Match bars, 15m/1h/4h delivered bars, 8-hourly
/// funding and a 15-minute scheduler task — per event. The "paper-on-replay" cases replay the same data through
/// <see cref="ReplayFeeder"/> (producer → bounded channel → <see cref="EventLoop"/> thread, same order and timers) as fast
/// as possible. Results go to docs/performance.md.
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

    /// <summary>1m + 15m + 1h + 4h bars and 8-hourly funding of one perpetual over a year.</summary>
    public const int MultiTimeframeEvents = MinuteBarsPerYear + (MinuteBarsPerYear / 15) + (MinuteBarsPerYear / 60) + (MinuteBarsPerYear / 240) + FundingPerYear;

    private const int FundingPerYear = 365 * 3;

    private MarketReplay _oneSymbol = null!;
    private MarketReplay _manySymbols = null!;
    private MarketReplay _multiTimeframe = null!;

    [GlobalSetup(Targets = [nameof(OneSymbolOneYear1m), nameof(PaperOneSymbolOneYear1m)])]
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

    [GlobalSetup(Targets = [nameof(OneSymbolFourTimeframesFundingAndTimer), nameof(PaperOneSymbolFourTimeframesFundingAndTimer)])]
    public void SetupMultiTimeframe()
    {
        var symbol = Symbol.Parse("BINANCE:BTCUSDT.P");
        _multiTimeframe = new MarketReplay()
            .AddBars(new BarStream(symbol, Timeframe.M1, RandomWalk(Timeframe.M1, MinuteBarsPerYear, seed: 1), BarRole.Match))
            .AddBars(new BarStream(symbol, Timeframe.M15, RandomWalk(Timeframe.M15, MinuteBarsPerYear / 15, seed: 2), BarRole.Deliver))
            .AddBars(new BarStream(symbol, Timeframe.H1, RandomWalk(Timeframe.H1, MinuteBarsPerYear / 60, seed: 3), BarRole.Deliver))
            .AddBars(new BarStream(symbol, Timeframe.H4, RandomWalk(Timeframe.H4, MinuteBarsPerYear / 240, seed: 4), BarRole.Deliver))
            .AddFunding(symbol, [.. Enumerable.Range(1, FundingPerYear).Select(i => new FundingRate(symbol, StartMs + (i * 8 * Timeframe.HourMs), 0.0001m))]);
    }

    [Benchmark(OperationsPerInvoke = MinuteBarsPerYear, Description = "bare loop, 1 symbol x 1y of 1m (per bar)")]
    public long OneSymbolOneYear1m() => Run(_oneSymbol);

    [Benchmark(OperationsPerInvoke = ManySymbolBars, Description = "bare loop, 100 symbols x 1y of 5m (per bar)")]
    public long HundredSymbolsOneYear5m() => Run(_manySymbols);

    /// <summary>What a real bot's replay looks like: 1m Match bars, 15m/1h/4h delivered bars, funding, and the 15-minute task of seed 004.</summary>
    [Benchmark(OperationsPerInvoke = MultiTimeframeEvents, Description = "loop, 1 symbol x 1y of 1m+15m+1h+4h + funding + 15-min timer (per event)")]
    public long OneSymbolFourTimeframesFundingAndTimer() => Run(_multiTimeframe, everyFifteenMinutes: true);

    [Benchmark(OperationsPerInvoke = MinuteBarsPerYear, Description = "paper-on-replay, 1 symbol x 1y of 1m (per bar)")]
    public long PaperOneSymbolOneYear1m() => Run(_oneSymbol, paper: true);

    [Benchmark(OperationsPerInvoke = MultiTimeframeEvents, Description = "paper-on-replay, 1 symbol x 1y of 1m+15m+1h+4h + funding + 15-min timer (per event)")]
    public long PaperOneSymbolFourTimeframesFundingAndTimer() => Run(_multiTimeframe, everyFifteenMinutes: true, paper: true);

    private static long Run(MarketReplay replay, bool everyFifteenMinutes = false, bool paper = false)
    {
        var clock = new SimulatedClock(StartMs);
        var scheduler = new EngineScheduler(clock);
        var target = new NoOpTarget();
        if (everyFifteenMinutes)
        {
            scheduler.Every(15 * Timeframe.MinuteMs, target.OnTimer);
        }

        if (paper)
        {
            new ReplayFeeder(clock, scheduler).RunAsync(replay, target).GetAwaiter().GetResult();
        }
        else
        {
            new BacktestLoop(clock, scheduler).Run(replay, target);
        }

        return target.Bars + target.Funding + target.Timers;
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

        public long Funding { get; private set; }

        public long Timers { get; private set; }

        public void OnReplayBar(Symbol symbol, Timeframe timeframe, in Bar bar, BarRole role) => Bars++;

        public void OnReplayFunding(FundingRate rate) => Funding++;

        public void OnTimer(long dueMs) => Timers++;
    }
}
