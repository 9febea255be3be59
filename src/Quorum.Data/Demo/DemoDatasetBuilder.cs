using Quorum.Core.MarketData;
using Quorum.Data.Catalog;
using Quorum.Data.Resampling;
using Quorum.Data.Synthetic;

namespace Quorum.Data.Demo;

/// <summary>
/// Writes the embedded demo dataset — the SYNTHETIC market of <see cref="DemoDataset"/>, never
/// real data — into a catalog: the base timeframe as generated plus the derived timeframes
/// resampled from it (closed bars only).
/// </summary>
public static class DemoDatasetBuilder
{
    /// <summary>Generates <paramref name="options"/> (default: <see cref="DemoDataset.Options"/>) and writes every series, replacing older copies.</summary>
    public static DemoDatasetResult Build(
        DataCatalog catalog,
        SyntheticMarketOptions? options = null,
        IReadOnlyList<Core.Time.Timeframe>? derivedTimeframes = null,
        IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        options ??= DemoDataset.Options;
        derivedTimeframes ??= DemoDataset.DerivedTimeframes;
        foreach (var derived in derivedTimeframes)
        {
            Resampler.EnsureCanResample(options.Timeframe, derived);
        }

        var generation = progress is null ? null : new ScaledProgress(progress, 0.0, 0.7);
        var market = SyntheticMarketGenerator.Generate(options, generation);

        var entries = new List<CatalogEntry>();
        var steps = market.Series.Count * (1 + derivedTimeframes.Count);
        var done = 0;
        foreach (var series in market.Series)
        {
            entries.Add(catalog.Write(series, CatalogWriteMode.Replace));
            progress?.Report(0.7 + (0.3 * ++done / steps));
            foreach (var derived in derivedTimeframes)
            {
                var resampled = Resampler.Resample(series, derived);
                var closed = ClosedOnly(resampled);
                entries.Add(catalog.Write(closed, CatalogWriteMode.Replace));
                progress?.Report(0.7 + (0.3 * ++done / steps));
            }
        }

        return new DemoDatasetResult(market, entries);
    }

    private static BarSeries ClosedOnly(BarSeries series)
    {
        var count = series.Count;
        while (count > 0 && !series[count - 1].IsClosed)
        {
            count--;
        }

        return count == series.Count ? series : new BarSeries(series.Symbol, series.Timeframe, series.Span[..count].ToArray());
    }

    private sealed class ScaledProgress(IProgress<double> inner, double from, double to) : IProgress<double>
    {
        public void Report(double value) => inner.Report(from + ((to - from) * value));
    }
}
