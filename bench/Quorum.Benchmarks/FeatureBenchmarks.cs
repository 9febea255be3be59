using BenchmarkDotNet.Attributes;
using Quorum.Core.Time;
using Quorum.Data.Features;
using Quorum.Indicators;
using Quorum.Indicators.Averages;

namespace Quorum.Benchmarks;

/// <summary>
/// All seed-001 features over 1,000,000 real bars (target: under 100 ms), and Skender.Stock.Indicators'
/// published workload shape — 502 daily quotes — so our EMA numbers sit next to theirs.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class FeatureBenchmarks
{
    private const int SkenderQuotes = 502;

    private OhlcvColumns _million = null!;
    private double[] _quotes = null!;
    private double[] _output = null!;

    [GlobalSetup]
    public void Setup()
    {
        _million = BenchmarkBars.Load(IndicatorBenchmarks.Bars);
        _quotes = _million.Close[..SkenderQuotes];
        _output = new double[SkenderQuotes];
    }

    [Benchmark(Description = "all seed-001 features, 1M bars")]
    public int Features() => FeatureBuilder.Build(_million, Timeframe.H1).Names.Count;

    [Benchmark(OperationsPerInvoke = SkenderQuotes, Description = "EMA(20) batch, 502 quotes (Skender shape), per bar")]
    public double SkenderEmaSeries()
    {
        Ema.Batch(_quotes, _output, 20);
        return _output[^1];
    }

    [Benchmark(OperationsPerInvoke = SkenderQuotes, Description = "EMA(20) streaming, 502 quotes (Skender shape), per bar")]
    public double SkenderEmaStreaming()
    {
        var ema = new Ema(20);
        foreach (var close in _quotes)
        {
            ema.Update(close);
        }

        return ema.Value;
    }
}
