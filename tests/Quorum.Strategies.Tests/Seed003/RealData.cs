using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Readers;
using Quorum.TestKit;

namespace Quorum.Strategies.Tests.Seed003;

/// <summary>Real bars from ../shared/data (read in place, never copied); the test is skipped when the folder is absent.</summary>
internal static class RealData
{
    /// <summary>The first <paramref name="count"/> 1h bars of a Binance USDT-M perpetual, 2020–2024 (e.g. <c>BTCUSDT</c>).</summary>
    public static Bar[] Perp1h(string pair, int count) =>
        Read($"ohlcv/binance-usdm-perp_2020-2024/{pair}_1h.csv", Timeframe.H1, count);

    /// <summary>The first <paramref name="count"/> 5m bars of Binance spot, 2020-12 to 2021-07 (e.g. <c>BTC_USDT</c>).</summary>
    public static Bar[] Spot5m(string pair, int count) =>
        Read($"ohlcv/binance-spot_2020-12_2021-07_freqtrade-json/{pair}-5m.json", Timeframe.M5, count);

    private static Bar[] Read(string relativePath, Timeframe timeframe, int count)
    {
        var bars = BarFileReader.Read(SharedData.Require(relativePath), timeframe).Bars;
        return bars.Length <= count ? bars : bars[..count];
    }
}
