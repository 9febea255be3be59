using System.Globalization;
using Quorum.Core.MarketData;
using Quorum.Data.Readers;

namespace Quorum.Data.Catalog;

public sealed partial class DataCatalog
{
    /// <summary>Latest storable open time, 9999-12-31 23:59:59.999 UTC (the range of <see cref="DateTimeOffset"/>).</summary>
    private static readonly long MaxOpenTimeMs = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary>
    /// Stores <paramref name="series"/>, replacing or merging with what is stored (see <see cref="CatalogWriteMode"/>).
    /// The series must be non-empty with strictly ascending open times (1970-01-01 to 9999-12-31 UTC)
    /// aligned to its timeframe, positive prices, high ≥ low and non-negative volume; otherwise nothing is
    /// written. The write is atomic.
    /// </summary>
    /// <returns>The entry of the series as now stored.</returns>
    /// <exception cref="CatalogException">
    /// <see cref="CatalogErrorKind.InvalidSeries"/>, <see cref="CatalogErrorKind.MergeConflict"/> (names the
    /// open time and both bars) or <see cref="CatalogErrorKind.CorruptFile"/> (merging into a corrupt file);
    /// in every case the catalog is unchanged.
    /// </exception>
    public CatalogEntry Write(BarSeries series, CatalogWriteMode mode)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (mode is not (CatalogWriteMode.Merge or CatalogWriteMode.Replace))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "expected Replace or Merge");
        }

        RequireKey(series.Symbol, series.Timeframe);
        Validate(series);
        var path = PathOf(series.Symbol, series.Timeframe);
        var bars = series.Span;
        if (mode == CatalogWriteMode.Merge && LoadFile(path, series.Symbol, series.Timeframe, null, null) is { } existing)
        {
            bars = Merge(series, existing);
        }

        RequireEncodableGaps(series, bars);
        var data = QBarsCodec.Encode(series.Symbol, series.Timeframe, bars);
        AtomicFile.Write(path, stream => stream.Write(data), BeforeCommit);
        return new CatalogEntry(
            series.Symbol,
            series.Timeframe,
            bars.Length,
            bars[0].OpenTimeMs,
            bars[^1].OpenTimeMs,
            data.Length,
            series.Symbol.Venue.IsSynthetic,
            path);
    }

    private static void Validate(BarSeries series)
    {
        var name = $"{series.Symbol} {series.Timeframe}";
        if (series.IsEmpty)
        {
            throw Invalid($"{name}: the series is empty");
        }

        var timeframe = series.Timeframe;
        var bars = series.Span;
        for (var i = 0; i < bars.Length; i++)
        {
            var bar = bars[i];
            var where = $"{name}: bar [{i.ToString(CultureInfo.InvariantCulture)}] at {TimestampText.Format(bar.OpenTimeMs)}";
            if (bar.OpenTimeMs < 0)
            {
                throw Invalid($"{where} is before 1970-01-01");
            }

            if (bar.OpenTimeMs > MaxOpenTimeMs)
            {
                throw Invalid($"{where} is after 9999-12-31 (open times must be between 1970-01-01 and 9999-12-31 UTC)");
            }

            if (!timeframe.IsAligned(bar.OpenTimeMs))
            {
                throw Invalid($"{where} is not aligned to {timeframe} (expected {TimestampText.Format(timeframe.AlignDown(bar.OpenTimeMs))} or the next bar)");
            }

            if (i > 0)
            {
                var previous = bars[i - 1].OpenTimeMs;
                if (bar.OpenTimeMs <= previous)
                {
                    throw Invalid(
                        bar.OpenTimeMs == previous
                            ? $"{where} duplicates bar [{i - 1}] (open times must be strictly ascending)"
                            : $"{where} is before bar [{i - 1}] at {TimestampText.Format(previous)} (open times must be strictly ascending)");
                }
            }

            if (bar.Open <= 0 || bar.High <= 0 || bar.Low <= 0 || bar.Close <= 0)
            {
                throw Invalid($"{where} has a non-positive price ({bar}; prices must be > 0)");
            }

            if (bar.Volume < 0)
            {
                throw Invalid($"{where} has a negative volume {bar.Volume} (volume must be ≥ 0)");
            }

            if (bar.High < bar.Low)
            {
                throw Invalid($"{where} has high {bar.High} below low {bar.Low} (expected high ≥ low)");
            }
        }
    }

    /// <summary>
    /// The .qbars time column stores each step in bars as an int32: refuses a gap of more bars than that
    /// (possible only across centuries of 1m bars, and also checked after a merge joins two series).
    /// </summary>
    private static void RequireEncodableGaps(BarSeries series, ReadOnlySpan<Bar> bars)
    {
        var timeframe = series.Timeframe;
        for (var i = 1; i < bars.Length; i++)
        {
            if ((bars[i].OpenTimeMs - bars[i - 1].OpenTimeMs) / timeframe.Milliseconds > int.MaxValue)
            {
                throw Invalid(
                    $"{series.Symbol} {timeframe}: the bar at {TimestampText.Format(bars[i].OpenTimeMs)} follows a gap of more than {int.MaxValue} bars " +
                    "(the catalog stores gaps of at most that many bars)");
            }
        }
    }

    private static CatalogException Invalid(string problem) =>
        new(CatalogErrorKind.InvalidSeries, $"{problem}; nothing was written");

    /// <summary>Merges by open time; see <see cref="CatalogWriteMode.Merge"/> for how overlaps resolve.</summary>
    private static Bar[] Merge(BarSeries incoming, Bar[] existing)
    {
        var added = incoming.Span;
        var result = new Bar[existing.Length + added.Length];
        int i = 0, j = 0, n = 0;
        while (i < existing.Length || j < added.Length)
        {
            if (j == added.Length || (i < existing.Length && existing[i].OpenTimeMs < added[j].OpenTimeMs))
            {
                result[n++] = existing[i++];
            }
            else if (i == existing.Length || added[j].OpenTimeMs < existing[i].OpenTimeMs)
            {
                result[n++] = added[j++];
            }
            else
            {
                result[n++] = Resolve(incoming, existing[i++], added[j++]);
            }
        }

        return result.AsSpan(0, n).ToArray();
    }

    private static Bar Resolve(BarSeries incoming, Bar stored, Bar added)
    {
        if (stored == added)
        {
            return stored;
        }

        if (stored.IsClosed != added.IsClosed)
        {
            return stored.IsClosed ? stored : added;
        }

        if (!stored.IsClosed)
        {
            return added;
        }

        throw new CatalogException(
            CatalogErrorKind.MergeConflict,
            $"{incoming.Symbol} {incoming.Timeframe}: merge conflict at {TimestampText.Format(stored.OpenTimeMs)}: " +
            $"the catalog has [{stored}] but the new data has [{added}]; nothing was written (use {nameof(CatalogWriteMode.Replace)} to overwrite)");
    }
}
