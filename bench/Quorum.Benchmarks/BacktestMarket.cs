using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;

namespace Quorum.Benchmarks;

/// <summary>
/// Synthetic, seeded input of the backtest and latency benchmarks: a multiplicative random walk per symbol
/// (uniform steps of ±0.4 % per bar, prices rounded to cents, high/low a random 0–0.2 % outside the body,
/// volume 100–10 000), built in setup and never timed. Symbols are USDT-M perpetuals <c>BINANCE:COIN{n}USDT.P</c>
/// so the reference strategy can go short.
/// </summary>
internal static class BacktestMarket
{
    /// <summary>2024-01-01 00:00 UTC.</summary>
    public const long StartMs = 1_704_067_200_000;

    public const int MinuteBarsPerYear = 525_600;

    public const int FiveMinuteBarsPerYear = 105_120;

    public static Symbol SymbolAt(int index) => new(Venue.Parse("BINANCE"), $"COIN{index}", "USDT", MarketType.Perpetual);

    /// <summary><paramref name="symbols"/> series of <paramref name="count"/> bars each; symbol n uses seed n + 1.</summary>
    public static BarSeries[] Generate(int symbols, Timeframe timeframe, int count)
    {
        var series = new BarSeries[symbols];
        for (var s = 0; s < symbols; s++)
        {
            series[s] = new BarSeries(SymbolAt(s), timeframe, RandomWalk(timeframe, count, seed: s + 1));
        }

        return series;
    }

    /// <summary>Bytes the bar arrays of <paramref name="series"/> occupy (the data loaded).</summary>
    public static long DataBytes(IEnumerable<BarSeries> series) =>
        series.Sum(s => (long)s.Count * System.Runtime.CompilerServices.Unsafe.SizeOf<Bar>());

    private static Bar[] RandomWalk(Timeframe timeframe, int count, int seed)
    {
        var random = new Random(seed);
        var bars = new Bar[count];
        var price = 1_000.0;
        for (var i = 0; i < count; i++)
        {
            var open = price;
            var close = Math.Max(1.0, Math.Round(open * (1.0 + ((random.NextDouble() - 0.5) * 0.008)), 2));
            var high = Math.Round(Math.Max(open, close) * (1.0 + (random.NextDouble() * 0.002)), 2);
            var low = Math.Round(Math.Min(open, close) * (1.0 - (random.NextDouble() * 0.002)), 2);
            bars[i] = new Bar(StartMs + (i * timeframe.Milliseconds), (decimal)open, (decimal)high, (decimal)low, (decimal)close, random.Next(100, 10_001));
            price = close;
        }

        return bars;
    }
}
