using FsCheck;
using FsCheck.Fluent;
using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Catalog;
using Quorum.TestKit;

namespace Quorum.Data.Tests.Catalog;

public sealed class DataCatalogPropertyTests : IDisposable
{
    private static readonly Symbol[] Symbols =
        [Bars.BtcSpot, Bars.EthPerp, Symbol.Parse("BYBIT:SOLUSDT.P"), Symbol.Parse("SYNTH:BTCUSDT")];

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void WriteThenLoad_AnyValidSeries_IsIdentical()
    {
        var catalog = new DataCatalog(_directory.Combine("catalog"));
        Prop.ForAll(RandomSeries(), series =>
        {
            var entry = catalog.Write(series, CatalogWriteMode.Replace);
            var loaded = catalog.Load(series.Symbol, series.Timeframe);

            return loaded.Span.SequenceEqual(series.Span)
                && entry.BarCount == series.Count
                && entry.FirstOpenTimeMs == series.FirstOpenTimeMs
                && entry.LastOpenTimeMs == series.LastOpenTimeMs
                && entry.IsSynthetic == series.Symbol.Venue.IsSynthetic
                && catalog.List().Single(e => e.Symbol == series.Symbol && e.Timeframe == series.Timeframe) == entry;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Merge_OfTwoOverlappingPiecesOfASeries_EqualsTheSeries()
    {
        var catalog = new DataCatalog(_directory.Combine("merge"));
        var cases = RandomSeries().Generator.SelectMany(
            series => Gen.Choose(0, series.Count).SelectMany(a => Gen.Choose(0, series.Count).Select(b => (series, Cut: Math.Min(a, b), End: Math.Max(a, b)))));

        Prop.ForAll(cases.ToArbitrary(), item =>
        {
            var (series, cut, end) = item;
            var bars = series.Span.ToArray();
            catalog.Delete(series.Symbol, series.Timeframe);
            var first = bars[..Math.Max(end, 1)];
            var second = bars[cut..];
            catalog.Write(new BarSeries(series.Symbol, series.Timeframe, first), CatalogWriteMode.Merge);
            if (second.Length > 0)
            {
                catalog.Write(new BarSeries(series.Symbol, series.Timeframe, second), CatalogWriteMode.Merge);
            }

            return catalog.Load(series.Symbol, series.Timeframe).Span.SequenceEqual(bars);
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>
    /// Valid series: aligned strictly ascending times with random gaps, positive prices with
    /// high ≥ low, non-negative volume, random closed flags; values range from plain prices to
    /// 28-digit mantissas at any scale, so both the int64-mantissa and raw-decimal encodings are used.
    /// </summary>
    private static Arbitrary<BarSeries> RandomSeries() =>
        Gen.Choose(0, int.MaxValue)
            .SelectMany(seed => Gen.Choose(1, 300).Select(count => Build(seed, count)))
            .ToArbitrary();

    private static BarSeries Build(int seed, int count)
    {
        var random = new Random(seed);
        var timeframe = Timeframe.All[random.Next(Timeframe.All.Count)];
        var symbol = Symbols[random.Next(Symbols.Length)];
        var style = random.Next(4);
        var gapChance = random.Next(3) == 0 ? 0.0 : random.NextDouble() * 0.3;
        var time = timeframe.AlignDown(1_500_000_000_000L + (random.NextInt64(0, 300_000_000) * 1000));
        var bars = new Bar[count];
        for (var i = 0; i < count; i++)
        {
            decimal[] prices = [Price(random, style), Price(random, style), Price(random, style), Price(random, style)];
            Array.Sort(prices);
            var (low, high) = (prices[0], prices[3]);
            var (open, close) = random.Next(2) == 0 ? (prices[1], prices[2]) : (prices[2], prices[1]);
            var volume = random.Next(10) == 0 ? 0m : Volume(random, style);
            bars[i] = new Bar(time, open, high, low, close, volume, IsClosed: random.Next(20) != 0);
            time += timeframe.Milliseconds * (random.NextDouble() < gapChance ? random.Next(2, 50) : 1);
        }

        return new BarSeries(symbol, timeframe, bars);
    }

    private static decimal Price(Random random, int style) => style switch
    {
        0 => Math.Round((decimal)(random.NextDouble() * 100_000), random.Next(0, 3)) + 0.01m,
        1 => new decimal(random.Next(1, 1_000_000), 0, 0, false, (byte)random.Next(0, 9)),
        2 => new decimal(random.Next(1, int.MaxValue), random.Next(), random.Next(0, 1 << 20), false, (byte)random.Next(0, 29)),
        _ => new decimal(random.Next(1, 100), 0, 0, false, (byte)random.Next(20, 29)),
    };

    private static decimal Volume(Random random, int style) => style switch
    {
        0 => Math.Round((decimal)(random.NextDouble() * 1_000_000), 6),
        2 => new decimal(random.Next(), random.Next(), random.Next(), false, (byte)random.Next(0, 29)),
        _ => new decimal(random.Next(0, int.MaxValue), random.Next(0, 1000), 0, false, (byte)random.Next(0, 12)),
    };
}
