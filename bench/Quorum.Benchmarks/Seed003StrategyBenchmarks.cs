using BenchmarkDotNet.Attributes;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Resampling;
using Quorum.Data.Synthetic;
using Quorum.Strategies;

namespace Quorum.Benchmarks;

/// <summary>
/// The seed-003 strategies alone (no engine, no OMS): one year of the demo's SYNTH:BTCUSDT 5m bars (105,120), resampled to
/// every timeframe the strategy subscribes to and delivered in engine order (finer first at a shared instant), into a
/// counting sink. One operation = the whole year; bars/s = 105,120 / mean. No fills reach the grid and DCA here, so
/// their hooks are not exercised (a pending step or level simply stays pending).
/// </summary>
[MemoryDiagnoser]
public class Seed003StrategyBenchmarks
{
    private (Timeframe Timeframe, Bar Bar)[] _events = [];
    private IStrategy _strategy = null!;
    private readonly BacktestStrategies.CountingSink _sink = new();

    [Params("trend_follower", "smc", "grid", "dca")]
    public string Strategy { get; set; } = "trend_follower";

    [GlobalSetup]
    public void Setup()
    {
        var market = SyntheticMarketGenerator.Generate(DemoDataset.Options with { Symbols = [DemoDataset.Options.Symbols[0]], Correlation = [[1.0]] });
        var source = market.Series[0];
        _strategy = StrategyRegistry.BuiltIn.Create(Strategy, (IEnumerable<KeyValuePair<string, string>>?)null, new StrategyUniverse([source.Symbol], source.Timeframe));
        var events = new List<(long CloseMs, long Length, Timeframe Timeframe, Bar Bar)>();
        foreach (var timeframe in _strategy.Subscriptions.Select(s => s.Timeframe).Distinct())
        {
            var series = timeframe == source.Timeframe ? source : Resampler.Resample(source, timeframe);
            foreach (var bar in series.Span)
            {
                if (bar.IsClosed)
                {
                    events.Add((timeframe.CloseTime(bar.OpenTimeMs), timeframe.Milliseconds, timeframe, bar));
                }
            }
        }

        _events = [.. events.OrderBy(e => e.CloseMs).ThenBy(e => e.Length).Select(e => (e.Timeframe, e.Bar))];
        Console.WriteLine($"// {Strategy}: {source.Count:N0} bars of {source.Symbol} {source.Timeframe}, {_events.Length:N0} strategy events");
    }

    [Benchmark]
    public long Year()
    {
        _strategy.Reset();
        var symbol = DemoDataset.Btc;
        foreach (var (timeframe, bar) in _events)
        {
            _strategy.OnBar(symbol, timeframe, bar, _sink);
        }

        return _sink.Count;
    }
}
