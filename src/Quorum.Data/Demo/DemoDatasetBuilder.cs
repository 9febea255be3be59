using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Catalog;
using Quorum.Data.Resampling;
using Quorum.Data.Synthetic;

namespace Quorum.Data.Demo;

/// <summary>
/// Writes the embedded demo dataset — the SYNTHETIC market of <see cref="DemoDataset"/>, never
/// real data — into a catalog: the base timeframe as generated plus the derived timeframes
/// resampled from it, for every spot symbol and for its USDT-M perpetual twin
/// (<see cref="SyntheticPerpetual.Derive"/>, e.g. <c>SYNTH:BTCUSDT.P</c>).
/// </summary>
/// <remarks>
/// Derived series hold whole, closed bars only: <see cref="Resampler"/> output with
/// <see cref="ResampleOptions.DropIncompleteFirstBucket"/> (a leading bucket that opens before
/// the first generated bar is left out) and without a trailing bucket that is not closed. A
/// derived timeframe with no such bar is not written. Everything is generated and resampled
/// before the first write, so invalid input leaves the catalog unchanged.
/// </remarks>
public static class DemoDatasetBuilder
{
    private static readonly ResampleOptions WholeBuckets = new() { DropIncompleteFirstBucket = true };

    /// <summary>Generates <paramref name="options"/> (default: <see cref="DemoDataset.Options"/>) and writes every series, replacing older copies.</summary>
    /// <param name="catalog">Where to write.</param>
    /// <param name="options">The synthetic market; every symbol must be on the <c>SYNTH</c> venue.</param>
    /// <param name="derivedTimeframes">
    /// Timeframes to resample to (default: <see cref="DemoDataset.DerivedTimeframes"/>); each
    /// strictly higher than the base timeframe and a whole multiple of it.
    /// </param>
    /// <param name="progress">Receives the fraction done (0–1).</param>
    /// <exception cref="ArgumentException">A symbol is not on the <c>SYNTH</c> venue, or a derived timeframe is not above the base.</exception>
    public static DemoDatasetResult Build(
        DataCatalog catalog,
        SyntheticMarketOptions? options = null,
        IReadOnlyList<Timeframe>? derivedTimeframes = null,
        IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        options ??= DemoDataset.Options;
        var derivedList = (derivedTimeframes ?? DemoDataset.DerivedTimeframes).Distinct().ToList();
        EnsureSynthetic(options);
        EnsureDerivable(options.Timeframe, derivedList);

        var generation = progress is null ? null : new ScaledProgress(progress, 0.0, 0.7);
        var market = SyntheticMarketGenerator.Generate(options, generation);

        var toWrite = new List<BarSeries>();
        foreach (var series in market.Series.Concat(market.Series.Select(s => SyntheticPerpetual.Derive(s, options.Seed))))
        {
            toWrite.Add(series);
            foreach (var derived in derivedList)
            {
                var closed = ClosedOnly(Resampler.Resample(series, derived, WholeBuckets));
                if (!closed.IsEmpty)
                {
                    toWrite.Add(closed);
                }
            }
        }

        var entries = new List<CatalogEntry>(toWrite.Count);
        foreach (var series in toWrite)
        {
            entries.Add(catalog.Write(series, CatalogWriteMode.Replace));
            progress?.Report(0.7 + (0.3 * entries.Count / toWrite.Count));
        }

        return new DemoDatasetResult(market, entries);
    }

    private static void EnsureSynthetic(SyntheticMarketOptions options)
    {
        var real = options.Symbols.Where(s => !s.Symbol.Venue.IsSynthetic).Select(s => s.Symbol.ToString()).ToList();
        if (real.Count > 0)
        {
            throw new ArgumentException(
                $"the demo dataset is synthetic and is written under the SYNTH venue only; {string.Join(", ", real)} would store generated bars as real market data (use SYNTH:…)",
                nameof(options));
        }
    }

    private static void EnsureDerivable(Timeframe baseTimeframe, IReadOnlyList<Timeframe> derivedTimeframes)
    {
        foreach (var derived in derivedTimeframes)
        {
            Resampler.EnsureCanResample(baseTimeframe, derived);
            if (derived.Milliseconds == baseTimeframe.Milliseconds)
            {
                throw new ArgumentException(
                    $"derived timeframe {derived} is the base timeframe itself; derived timeframes must be higher than {baseTimeframe}",
                    nameof(derivedTimeframes));
            }
        }
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
