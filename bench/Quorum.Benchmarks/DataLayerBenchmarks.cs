using BenchmarkDotNet.Attributes;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Catalog;
using Quorum.Data.Integrity;
using Quorum.Data.Resampling;
using Quorum.Data.Synthetic;

namespace Quorum.Benchmarks;

/// <summary>
/// Data-layer benchmarks of issue 2 on 1,000,000 synthetic 1m bars (about 694 days):
/// catalog load, resample 1m → 1h, integrity check. Results go to docs/performance.md.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class DataLayerBenchmarks
{
    public const int BarCount = 1_000_000;

    private string _root = string.Empty;
    private DataCatalog _catalog = null!;
    private BarSeries _series = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = DemoDataset.Options with
        {
            Timeframe = Timeframe.M1,
            BarCount = BarCount,
            Symbols = [DemoDataset.Options.Symbols[0]],
            Correlation = null,
        };
        _series = SyntheticMarketGenerator.Generate(options).Series[0];
        _root = Path.Combine(Path.GetTempPath(), "quorum-bench-" + Guid.NewGuid().ToString("N"));
        _catalog = new DataCatalog(_root);
        _catalog.Write(_series, CatalogWriteMode.Replace);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark(Description = "catalog load 1M bars")]
    public int CatalogLoad() => _catalog.Load(_series.Symbol, Timeframe.M1).Count;

    [Benchmark(Description = "resample 1M 1m bars to 1h")]
    public int Resample1mTo1h() => Resampler.Resample(_series, Timeframe.H1).Count;

    [Benchmark(Description = "integrity check 1M bars")]
    public int IntegrityCheck() => IntegrityChecker.Check(_series).TotalIssueCount;
}
