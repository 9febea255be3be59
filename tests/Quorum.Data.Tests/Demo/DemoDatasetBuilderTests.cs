using Quorum.Core.Instruments;
using Quorum.Core.Time;
using Quorum.Data.Catalog;
using Quorum.Data.Demo;
using Quorum.Data.Resampling;
using Quorum.Data.Synthetic;
using Quorum.Data.Tests.Synthetic;
using Quorum.TestKit;

namespace Quorum.Data.Tests.Demo;

public sealed class DemoDatasetBuilderTests
{
    /// <summary>Two days and 7 five-minute bars: the last 15m, 1h, 4h and 1d buckets are all unfinished.</summary>
    private const int BarCount = (2 * 288) + 7;

    private static readonly Timeframe[] Derived = [Timeframe.M15, Timeframe.H1, Timeframe.H4, Timeframe.D1];

    private static SyntheticMarketOptions SmallDemo => SyntheticSamples.Small(seed: 42, barCount: BarCount);

    [Fact]
    public void Build_WritesTheBaseAndEveryDerivedSeriesOfEverySymbol_AllLabelledSynthetic()
    {
        using var directory = new TempDirectory();
        var catalog = new DataCatalog(directory.Path);

        var result = DemoDatasetBuilder.Build(catalog, SmallDemo, Derived);

        var stored = catalog.List();
        stored.Count.ShouldBe(2 * DemoDataset.Symbols.Count * (1 + Derived.Length));
        stored.Select(e => (e.Symbol, e.Timeframe)).OrderBy(k => k.Symbol.ToString()).ThenBy(k => k.Timeframe)
            .ShouldBe(
                from symbol in DemoDataset.Symbols.Concat(DemoDataset.Perpetuals).OrderBy(s => s.ToString())
                from timeframe in new[] { Timeframe.M5 }.Concat(Derived)
                select (symbol, timeframe));
        stored.ShouldAllBe(e => e.IsSynthetic && e.Symbol.Venue.IsSynthetic);
        result.Entries.ShouldAllBe(e => e.IsSynthetic);
        result.Entries.Select(e => e.FilePath).Order().ShouldBe(stored.Select(e => e.FilePath).Order());
    }

    [Fact]
    public void Build_StoresEachPerpetualTwinDerivedFromItsSpotSeries()
    {
        using var directory = new TempDirectory();
        var catalog = new DataCatalog(directory.Path);

        var result = DemoDatasetBuilder.Build(catalog, SmallDemo, Derived);

        foreach (var series in result.Market.Series)
        {
            catalog.Load(SyntheticPerpetual.PerpetualOf(series.Symbol), Timeframe.M5).Span.ToArray()
                .ShouldBe(SyntheticPerpetual.Derive(series, SmallDemo.Seed).Span.ToArray());
        }
    }

    [Fact]
    public void Build_StoresTheGeneratedBaseBarsUnchanged()
    {
        using var directory = new TempDirectory();
        var catalog = new DataCatalog(directory.Path);

        var result = DemoDatasetBuilder.Build(catalog, SmallDemo, Derived);

        foreach (var series in result.Market.Series)
        {
            catalog.Load(series.Symbol, Timeframe.M5).Span.ToArray().ShouldBe(series.Span.ToArray());
        }
    }

    [Fact]
    public void Build_DerivedSeries_EqualTheResamplerOutputWithoutTheUnfinishedLastBucket()
    {
        using var directory = new TempDirectory();
        var catalog = new DataCatalog(directory.Path);

        var result = DemoDatasetBuilder.Build(catalog, SmallDemo, Derived);

        foreach (var series in result.Market.Series)
        {
            foreach (var timeframe in Derived)
            {
                var resampled = Resampler.Resample(series, timeframe).Span.ToArray();
                resampled[^1].IsClosed.ShouldBeFalse($"{series.Symbol} {timeframe}: the sample should end mid-bucket");

                var stored = catalog.Load(series.Symbol, timeframe).Span.ToArray();

                stored.ShouldBe(resampled[..^1], $"{series.Symbol} {timeframe}");
                stored.ShouldAllBe(b => b.IsClosed);
            }
        }
    }

    [Fact]
    public void Build_WhenTheMarketStartsMidBucket_LeavesTheLeadingPartialBucketOut()
    {
        using var directory = new TempDirectory();
        var catalog = new DataCatalog(directory.Path);
        var options = SmallDemo with { StartTimeMs = DemoDataset.StartTimeMs + (25 * Timeframe.MinuteMs) };

        var result = DemoDatasetBuilder.Build(catalog, options, [Timeframe.H1]);

        var series = result.Market.Series[0];
        var stored = catalog.Load(series.Symbol, Timeframe.H1).Span.ToArray();
        Timeframe.H1.AlignDown(series[0].OpenTimeMs).ShouldBeLessThan(series[0].OpenTimeMs);
        stored[0].OpenTimeMs.ShouldBe(Timeframe.H1.AlignDown(series[0].OpenTimeMs) + Timeframe.HourMs);
        stored.ShouldBe(
            Resampler.Resample(series, Timeframe.H1, new ResampleOptions { DropIncompleteFirstBucket = true }).Span.ToArray().Where(b => b.IsClosed).ToArray());
    }

    [Fact]
    public void Build_WhenADerivedTimeframeHasNoClosedBar_WritesTheOthersOnly()
    {
        using var directory = new TempDirectory();
        var catalog = new DataCatalog(directory.Path);

        var result = DemoDatasetBuilder.Build(catalog, SyntheticSamples.Small(barCount: 30), [Timeframe.H1, Timeframe.D1]);

        result.Entries.Select(e => e.Timeframe).Distinct().ShouldBe([Timeframe.M5, Timeframe.H1]);
        catalog.Contains(DemoDataset.Btc, Timeframe.D1).ShouldBeFalse();
    }

    [Fact]
    public void Build_IsDeterministicAndReplacesEarlierCopies()
    {
        using var directory = new TempDirectory();
        var catalog = new DataCatalog(directory.Path);

        DemoDatasetBuilder.Build(catalog, SmallDemo with { Seed = 1 }, Derived);
        var first = DemoDatasetBuilder.Build(catalog, SmallDemo, Derived);
        var firstBars = catalog.Load(DemoDataset.Eth, Timeframe.H4).Span.ToArray();
        var second = DemoDatasetBuilder.Build(catalog, SmallDemo, Derived);

        second.Market.ComputeFingerprint().ShouldBe(first.Market.ComputeFingerprint());
        catalog.Load(DemoDataset.Eth, Timeframe.H4).Span.ToArray().ShouldBe(firstBars);
        catalog.List().Count.ShouldBe(2 * DemoDataset.Symbols.Count * (1 + Derived.Length));
    }

    [Fact]
    public void Build_WithARealVenueSymbol_IsRefusedAndWritesNothing()
    {
        using var directory = new TempDirectory();
        var catalog = new DataCatalog(directory.Path);
        var options = SmallDemo with
        {
            AllowNonSyntheticVenue = true,
            Symbols = [.. SmallDemo.Symbols.Select((s, i) => i == 1 ? s with { Symbol = Symbol.Parse("BINANCE:ETHUSDT") } : s)],
        };

        var error = Should.Throw<ArgumentException>(() => DemoDatasetBuilder.Build(catalog, options, Derived));

        error.Message.ShouldContain("BINANCE:ETHUSDT would store generated bars as real market data");
        catalog.List().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("5m")]
    [InlineData("3m")]
    [InlineData("1m")]
    public void Build_WithADerivedTimeframeNotAboveTheBase_IsRefusedAndWritesNothing(string derived)
    {
        using var directory = new TempDirectory();
        var catalog = new DataCatalog(directory.Path);

        Should.Throw<ArgumentException>(() => DemoDatasetBuilder.Build(catalog, SmallDemo, [Timeframe.H1, Timeframe.Parse(derived)]))
            .Message.ShouldContain(derived == "5m" ? "derived timeframe 5m is the base timeframe itself" : $"cannot resample 5m bars to {derived}");
        catalog.List().ShouldBeEmpty();
    }

    [Fact]
    public void Build_ReportsIncreasingProgressEndingAtOne()
    {
        using var directory = new TempDirectory();
        var reports = new List<double>();

        DemoDatasetBuilder.Build(new DataCatalog(directory.Path), SmallDemo, Derived, new SynchronousProgress(reports.Add));

        reports.ShouldNotBeEmpty();
        reports.ShouldBe(reports.Order().ToList());
        reports[^1].ShouldBe(1.0, 1e-12);
        reports.ShouldAllBe(p => p > 0 && p <= 1.0 + 1e-12);
    }

    /// <summary>Reports on the calling thread (<see cref="Progress{T}"/> would post to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
