using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Catalog;
using Quorum.Data.Integrity;
using Quorum.Data.Readers;
using Quorum.Data.Resampling;
using Quorum.Data.Synthetic;

namespace Quorum.Benchmarks;

/// <summary>
/// Data-layer benchmarks of issue 2 on 1,000,000 synthetic 1m bars (about 694 days):
/// catalog load, resample 1m → 1h, integrity check. Results go to docs/performance.md.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class DataLayerBenchmarks
{
    public const int BarCount = 1_000_000;

    private string _root = string.Empty;
    private DataCatalog _catalog = null!;
    private BarSeries _series = null!;
    private string _csvPath = string.Empty;

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
        _csvPath = Path.Combine(_root, "bars.csv");
        _catalog.Export(_series.Symbol, Timeframe.M1, _csvPath, ExportFormat.BinanceKlineCsv);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [BenchmarkCategory("load")]
    [Benchmark(Baseline = true, Description = "catalog load 1M bars")]
    public int CatalogLoad() => _catalog.Load(_series.Symbol, Timeframe.M1).Count;

    /// <summary>Peer: the same 1M bars parsed from a Binance kline CSV (what an import reads).</summary>
    [BenchmarkCategory("load")]
    [Benchmark(Description = "peer: parse 1M bars from Binance kline CSV")]
    public int CsvRead() => BarFileReader.Read(_csvPath, Timeframe.M1).Bars.Length;

    [BenchmarkCategory("resample")]
    [Benchmark(Description = "resample 1M 1m bars to 1h")]
    public int Resample1mTo1h() => Resampler.Resample(_series, Timeframe.H1).Count;

    [BenchmarkCategory("integrity")]
    [Benchmark(Description = "integrity check 1M bars")]
    public int IntegrityCheck() => IntegrityChecker.Check(_series).TotalIssueCount;
}
