using BenchmarkDotNet.Attributes;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Data.Resampling;
using Quorum.Data.Synthetic;
using Quorum.Strategies;

namespace Quorum.Benchmarks;

/// <summary>
/// The seed-000 modules and the <c>cluster</c> strategy (the five modules behind their supervisors + the cluster
/// engine) over one synthetic year of BTC: 5m demo bars resampled to the 15m signal and 1h trend timeframes and
/// delivered in engine order (43 800 bar events). Time and allocation are per bar event, including the bars that fire.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 8)]
public class Seed000Benchmarks
{
    public const int Events = (365 * 96) + (365 * 24);

    private (Timeframe Timeframe, Bar Bar)[] _events = null!;
    private IStrategy _strategy = null!;

    [Params("div", "pin", "eng", "brk", "ins", "cluster")]
    public string Strategy { get; set; } = "cluster";

    [GlobalSetup]
    public void Setup()
    {
        var market = SyntheticMarketGenerator.Generate(DemoDataset.Options with { BarCount = 365 * 288 }).GetSeries(DemoDataset.Btc);
        var list = new List<(long CloseMs, long Order, Timeframe Timeframe, Bar Bar)>();
        foreach (var timeframe in new[] { Timeframe.M15, Timeframe.H1 })
        {
            foreach (var bar in Resampler.Resample(market, timeframe).Span)
            {
                if (bar.IsClosed)
                {
                    list.Add((timeframe.CloseTime(bar.OpenTimeMs), timeframe.Milliseconds, timeframe, bar));
                }
            }
        }

        _events = [.. list.OrderBy(e => e.CloseMs).ThenBy(e => e.Order).Select(e => (e.Timeframe, e.Bar))];
        if (_events.Length != Events)
        {
            throw new InvalidOperationException($"expected {Events} bar events, got {_events.Length}");
        }

        _strategy = StrategyRegistry.BuiltIn.Create(Strategy, parameters: (IEnumerable<KeyValuePair<string, string>>?)null, new StrategyUniverse([DemoDataset.Btc], Timeframe.M15));
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public int OnBar()
    {
        var sink = new CountingSink();
        _strategy.Reset();
        foreach (var (timeframe, bar) in _events)
        {
            _strategy.OnBar(DemoDataset.Btc, timeframe, bar, sink);
        }

        return sink.Count;
    }

    private sealed class CountingSink : ISignalSink
    {
        public int Count { get; private set; }

        public void Emit(Signal signal) => Count++;
    }
}
