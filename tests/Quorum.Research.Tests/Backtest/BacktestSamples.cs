using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Catalog;

namespace Quorum.Research.Tests.Backtest;

internal static class BacktestSamples
{
    public static readonly Symbol Btc = Symbol.Parse("BINANCE:BTCUSDT");
    public static readonly Symbol Eth = Symbol.Parse("BINANCE:ETHUSDT");

    /// <summary>2021-01-01 00:00 UTC.</summary>
    public const long Start = 1_609_459_200_000;

    /// <summary>
    /// A wavy, deterministic hourly market: a slow sine (period 120 bars, ±20 %) on a gentle trend plus a
    /// short wiggle, so EMA crosses happen regularly; every price on the 0.01 grid.
    /// </summary>
    public static Bar[] Wave(int count, decimal basePrice = 30_000m, double phase = 0, Timeframe? timeframe = null)
    {
        var step = (timeframe ?? Timeframe.H1).Milliseconds;
        var bars = new Bar[count];
        var previous = basePrice;
        for (var i = 0; i < count; i++)
        {
            var t = i + phase;
            var level = (double)basePrice * (1 + (0.2 * Math.Sin(2 * Math.PI * t / 120)) + (0.0005 * i) + (0.01 * Math.Sin(t * 1.7)));
            var close = decimal.Round((decimal)level, 2);
            var open = previous;
            var high = Math.Max(open, close) + decimal.Round(close * 0.002m, 2);
            var low = Math.Min(open, close) - decimal.Round(close * 0.002m, 2);
            bars[i] = new Bar(Start + (i * step), open, high, low, close, 50m + (i % 13));
            previous = close;
        }

        return bars;
    }

    public static DataCatalog Catalog(string root, int count = 1_000)
    {
        var catalog = new DataCatalog(root);
        catalog.Write(new BarSeries(Btc, Timeframe.H1, Wave(count)), CatalogWriteMode.Replace);
        catalog.Write(new BarSeries(Eth, Timeframe.H1, Wave(count, 2_000m, phase: 37)), CatalogWriteMode.Replace);
        return catalog;
    }
}
