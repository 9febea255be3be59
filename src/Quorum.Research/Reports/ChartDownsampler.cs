using Quorum.Core.MarketData;

namespace Quorum.Research.Reports;

/// <summary>
/// Keeps report charts small enough for a browser: a series longer than <see cref="MaxPoints"/> is
/// cut into buckets of k = ⌈n / MaxPoints⌉ consecutive points. Candles of a bucket merge into one
/// (open of the first, highest high, lowest low, close of the last, summed volume, time of the first);
/// equity keeps the last point of each bucket and drawdown the deepest. Markers are moved to the
/// start of the bucket that holds them. Trades and statistics are never downsampled.
/// </summary>
internal static class ChartDownsampler
{
    public const int MaxPoints = 50_000;

    /// <summary>Bucket size for <paramref name="count"/> points (1 = no downsampling).</summary>
    public static int BucketSize(int count) => count <= MaxPoints ? 1 : (count + MaxPoints - 1) / MaxPoints;

    public static Bar[] Candles(ReadOnlySpan<Bar> bars, int bucket)
    {
        if (bucket <= 1)
        {
            return bars.ToArray();
        }

        var result = new Bar[(bars.Length + bucket - 1) / bucket];
        for (var b = 0; b < result.Length; b++)
        {
            var slice = bars.Slice(b * bucket, Math.Min(bucket, bars.Length - (b * bucket)));
            decimal high = slice[0].High, low = slice[0].Low, volume = 0m;
            foreach (var bar in slice)
            {
                high = Math.Max(high, bar.High);
                low = Math.Min(low, bar.Low);
                volume += bar.Volume;
            }

            result[b] = new Bar(slice[0].OpenTimeMs, slice[0].Open, high, low, slice[^1].Close, volume);
        }

        return result;
    }

    /// <summary>The open time of the candle (after downsampling) that holds <paramref name="timeMs"/>: the last start ≤ it, else the first.</summary>
    public static long SnapToCandle(ReadOnlySpan<Bar> candles, long timeMs)
    {
        int lo = 0, hi = candles.Length - 1, found = 0;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (candles[mid].OpenTimeMs <= timeMs)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return candles.IsEmpty ? timeMs : candles[found].OpenTimeMs;
    }
}
