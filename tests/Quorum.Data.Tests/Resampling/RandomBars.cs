using FsCheck;
using FsCheck.Fluent;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.TestKit;

namespace Quorum.Data.Tests.Resampling;

/// <summary>Random valid bar series for property tests: ascending, on the grid, sane, with random gaps.</summary>
internal static class RandomBars
{
    /// <summary>What to generate: a seed for the values, the number of bars and whether the last one is still forming.</summary>
    public static Arbitrary<(int Seed, int Count, bool FormingLast)> Specs(int maxCount) =>
        Arb.From(
            from seed in Gen.Choose(0, int.MaxValue - 1)
            from count in Gen.Choose(1, maxCount)
            from formingLast in Gen.Elements(false, false, true)
            select (seed, count, formingLast));

    /// <summary>
    /// <paramref name="count"/> bars of <paramref name="timeframe"/> starting a random number of
    /// steps after 2021-01-01 (so often mid-bucket); about one step in ten skips 1–150 bars.
    /// Prices have 2 decimals and volumes 6, as on Binance.
    /// </summary>
    public static Bar[] Generate(int seed, int count, Timeframe timeframe, bool formingLast = false, bool gaps = true)
    {
        var random = new Random(seed);
        var bars = new Bar[count];
        var time = timeframe.AlignDown(Bars.Jan2021) + (random.Next(0, 5000) * timeframe.Milliseconds);
        var price = 1000m + random.Next(0, 100_000) / 100m;
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                var step = gaps && random.Next(10) == 0 ? random.Next(2, 152) : 1;
                time += step * timeframe.Milliseconds;
            }

            var open = price;
            var close = Math.Max(0.01m, open + (random.Next(-500, 501) / 100m));
            var high = Math.Max(open, close) + (random.Next(0, 300) / 100m);
            var low = Math.Max(0.01m, Math.Min(open, close) - (random.Next(0, 300) / 100m));
            var volume = random.Next(0, 1_000_000_000) / 1_000_000m;
            bars[i] = new Bar(time, open, high, low, close, volume, IsClosed: !(formingLast && i == count - 1));
            price = close;
        }

        return bars;
    }
}
