using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Integrity;

namespace Quorum.Data.Resampling;

/// <summary>
/// Aggregates bars of one timeframe into a higher timeframe that is a whole multiple of it on
/// the same grid (1m → 5m, 1h, 1d, 1w; 1h → 4h, 1d; 1d → 1w …).
/// </summary>
/// <remarks>
/// <para>
/// Aggregation is exact: open of the first constituent, highest high, lowest low, close of the
/// last constituent, sum of volumes. Buckets are aligned with <see cref="Timeframe.AlignDown"/>
/// (weekly buckets open on Monday 00:00 UTC).
/// </para>
/// <para>
/// Gaps in the source are tolerated: a bucket aggregates the constituents that exist, and a
/// bucket with no constituent at all is not produced (gaps stay gaps). The last bucket is
/// not closed (<see cref="Bar.IsClosed"/> = false) when the source ends before the bucket's
/// close time or when the last source bar itself is still forming. A leading bucket that
/// opens before the first source bar is kept by default and reported as partial; see
/// <see cref="ResampleOptions.DropIncompleteFirstBucket"/>.
/// </para>
/// <para>
/// The source must be in strictly ascending open-time order, aligned to its timeframe, and
/// only its last bar may be still forming; anything else throws
/// <see cref="ArgumentException"/> naming the offending index and time.
/// </para>
/// </remarks>
public static class Resampler
{
    /// <summary>Resamples <paramref name="source"/> to <paramref name="target"/>.</summary>
    public static BarSeries Resample(BarSeries source, Timeframe target, ResampleOptions? options = null) =>
        Run(source, target, options, withCounts: false).Series;

    /// <summary>
    /// Resamples <paramref name="source"/> to <paramref name="target"/> and reports, for every
    /// produced bar, how many source bars it was made of (so incomplete buckets are visible).
    /// </summary>
    public static ResampleResult ResampleWithDetails(BarSeries source, Timeframe target, ResampleOptions? options = null) =>
        Run(source, target, options, withCounts: true);

    /// <summary>
    /// The allocation-free core: resamples <paramref name="source"/> (bars of
    /// <paramref name="sourceTimeframe"/>) into <paramref name="destination"/> and returns the
    /// number of bars written.
    /// </summary>
    /// <param name="source">Source bars, strictly ascending.</param>
    /// <param name="sourceTimeframe">Timeframe of the source bars.</param>
    /// <param name="target">Target timeframe; a whole multiple of the source on the same grid.</param>
    /// <param name="destination">
    /// Receives the bars; <see cref="MaxBucketCount"/> bars are always enough.
    /// </param>
    /// <param name="constituentCounts">
    /// Empty to skip, or at least as long as the number of bars written: receives the number of
    /// source bars in each produced bar.
    /// </param>
    /// <param name="options">Options; <see cref="ResampleOptions.Default"/> when null.</param>
    public static int Resample(
        ReadOnlySpan<Bar> source,
        Timeframe sourceTimeframe,
        Timeframe target,
        Span<Bar> destination,
        Span<int> constituentCounts,
        ResampleOptions? options = null) =>
        ResampleCore(source, sourceTimeframe, target, destination, constituentCounts, options ?? ResampleOptions.Default, out _);

    /// <summary>
    /// An upper bound on the number of bars resampling <paramref name="source"/> to
    /// <paramref name="target"/> produces: the number of target buckets spanned, capped by the
    /// number of source bars.
    /// </summary>
    public static int MaxBucketCount(ReadOnlySpan<Bar> source, Timeframe target)
    {
        EnsureTimeframe(target, nameof(target));
        if (source.IsEmpty)
        {
            return 0;
        }

        var first = target.AlignDown(source[0].OpenTimeMs);
        var last = target.AlignDown(source[^1].OpenTimeMs);
        if (last < first)
        {
            return source.Length;
        }

        var spanned = ((last - first) / target.Milliseconds) + 1;
        return (int)Math.Min(spanned, source.Length);
    }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> unless bars of <paramref name="source"/> can be
    /// aggregated into bars of <paramref name="target"/>.
    /// </summary>
    public static void EnsureCanResample(Timeframe source, Timeframe target)
    {
        EnsureTimeframe(source, nameof(source));
        EnsureTimeframe(target, nameof(target));
        if (target.Milliseconds < source.Milliseconds)
        {
            throw new ArgumentException(
                $"cannot resample {source} bars to {target}: the target timeframe must be equal to or higher than the source",
                nameof(target));
        }

        if (!target.IsMultipleOf(source))
        {
            throw new ArgumentException(
                $"cannot resample {source} bars to {target}: {target} is not a whole multiple of {source} on the same time grid",
                nameof(target));
        }
    }

    private static ResampleResult Run(BarSeries source, Timeframe target, ResampleOptions? options, bool withCounts)
    {
        ArgumentNullException.ThrowIfNull(source);
        var span = source.Span;
        var bars = new Bar[MaxBucketCount(span, target)];
        var counts = withCounts ? new int[bars.Length] : [];
        var written = ResampleCore(span, source.Timeframe, target, bars, counts, options ?? ResampleOptions.Default, out var firstBucketIsPartial);
        if (written < bars.Length)
        {
            Array.Resize(ref bars, written);
            if (withCounts)
            {
                Array.Resize(ref counts, written);
            }
        }

        var expected = (int)(target.Milliseconds / source.Timeframe.Milliseconds);
        return new ResampleResult(new BarSeries(source.Symbol, target, bars), counts, expected, firstBucketIsPartial);
    }

    private static int ResampleCore(
        ReadOnlySpan<Bar> source,
        Timeframe sourceTimeframe,
        Timeframe target,
        Span<Bar> destination,
        Span<int> constituentCounts,
        ResampleOptions options,
        out bool firstBucketIsPartial)
    {
        EnsureCanResample(sourceTimeframe, target);
        firstBucketIsPartial = false;
        if (source.IsEmpty)
        {
            return 0;
        }

        var sourceMs = sourceTimeframe.Milliseconds;
        var targetMs = target.Milliseconds;
        var withCounts = !constituentCounts.IsEmpty;

        ref readonly var first = ref source[0];
        if (!sourceTimeframe.IsAligned(first.OpenTimeMs))
        {
            throw Misaligned(0, first.OpenTimeMs, sourceTimeframe);
        }

        var bucketStart = target.AlignDown(first.OpenTimeMs);
        var bucketEnd = bucketStart + targetMs;
        var dropCurrent = false;
        if (first.OpenTimeMs != bucketStart)
        {
            dropCurrent = options.DropIncompleteFirstBucket;
            firstBucketIsPartial = !dropCurrent;
        }

        var bucket = default(BarBucket);
        bucket.Start(first);
        var previousTime = first.OpenTimeMs;
        var previousClosed = first.IsClosed;
        var written = 0;

        for (var i = 1; i < source.Length; i++)
        {
            ref readonly var bar = ref source[i];
            var time = bar.OpenTimeMs;
            if (time <= previousTime)
            {
                throw NotAscending(i, time, previousTime);
            }

            if (!previousClosed)
            {
                throw Forming(i - 1, previousTime);
            }

            if (time >= bucketEnd)
            {
                if (!dropCurrent)
                {
                    Write(destination, constituentCounts, withCounts, written++, bucket.ToBar(bucketStart), bucket.Count);
                }

                dropCurrent = false;
                bucketStart = time < bucketEnd + targetMs ? bucketEnd : target.AlignDown(time);
                bucketEnd = bucketStart + targetMs;
                if ((time - bucketStart) % sourceMs != 0)
                {
                    throw Misaligned(i, time, sourceTimeframe);
                }

                bucket.Start(bar);
            }
            else
            {
                if ((time - bucketStart) % sourceMs != 0)
                {
                    throw Misaligned(i, time, sourceTimeframe);
                }

                bucket.Merge(bar);
            }

            previousTime = time;
            previousClosed = bar.IsClosed;
        }

        if (!dropCurrent)
        {
            var isClosed = previousClosed && previousTime + sourceMs >= bucketEnd;
            Write(destination, constituentCounts, withCounts, written++, bucket.ToBar(bucketStart, isClosed), bucket.Count);
        }

        return written;
    }

    private static void Write(Span<Bar> destination, Span<int> counts, bool withCounts, int index, in Bar bar, int count)
    {
        if (index >= destination.Length)
        {
            throw new ArgumentException(
                $"destination has room for {destination.Length} bars but more buckets were produced; size it with Resampler.MaxBucketCount",
                nameof(destination));
        }

        destination[index] = bar;
        if (withCounts)
        {
            if (index >= counts.Length)
            {
                throw new ArgumentException(
                    $"constituentCounts has room for {counts.Length} entries but more buckets were produced; size it like the destination",
                    nameof(counts));
            }

            counts[index] = count;
        }
    }

    private static void EnsureTimeframe(Timeframe timeframe, string parameterName)
    {
        if (timeframe.Name is null)
        {
            throw new ArgumentException("timeframe is required (default(Timeframe) is not a timeframe)", parameterName);
        }
    }

    private static ArgumentException NotAscending(int index, long time, long previousTime) =>
        new(time == previousTime
            ? $"source bars must have strictly ascending open times: bar at index {index} repeats the open time {TimeText.Utc(time)} UTC of the bar at index {index - 1}"
            : $"source bars must have strictly ascending open times: bar at index {index} opens at {TimeText.Utc(time)} UTC, before the bar at index {index - 1} ({TimeText.Utc(previousTime)} UTC)",
            "source");

    private static ArgumentException Misaligned(int index, long time, Timeframe timeframe) =>
        new($"source bar at index {index} opens at {TimeText.Utc(time)} UTC, which is not on the {timeframe} grid (expected {TimeText.Utc(timeframe.AlignDown(time))} or {TimeText.Utc(timeframe.AlignDown(time) + timeframe.Milliseconds)})", "source");

    private static ArgumentException Forming(int index, long time) =>
        new($"source bar at index {index} ({TimeText.Utc(time)} UTC) is not closed; only the last bar may still be forming", "source");
}
