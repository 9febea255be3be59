using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;

namespace Quorum.TestKit;

/// <summary>Bar builders for tests.</summary>
public static class Bars
{
    public static readonly Symbol BtcSpot = Symbol.Parse("BINANCE:BTCUSDT");
    public static readonly Symbol EthPerp = Symbol.Parse("BINANCE:ETHUSDT.P");

    /// <summary>2021-01-01 00:00 UTC.</summary>
    public const long Jan2021 = 1_609_459_200_000;

    /// <summary>A flat-ish ascending series of <paramref name="count"/> sane bars starting at <paramref name="startMs"/>.</summary>
    public static Bar[] Sequence(Timeframe timeframe, int count, long startMs = Jan2021, decimal startPrice = 100m)
    {
        var bars = new Bar[count];
        var price = startPrice;
        for (var i = 0; i < count; i++)
        {
            var open = price;
            var close = open + ((i % 7) - 3) * 0.5m;
            var high = Math.Max(open, close) + 1m;
            var low = Math.Min(open, close) - 1m;
            bars[i] = new Bar(startMs + (i * timeframe.Milliseconds), open, high, low, close, 10m + (i % 5));
            price = close;
        }

        return bars;
    }

    public static BarSeries Series(Timeframe timeframe, int count, Symbol? symbol = null, long startMs = Jan2021) =>
        new(symbol ?? BtcSpot, timeframe, Sequence(timeframe, count, startMs));
}
