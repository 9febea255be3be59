using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Readers;
using Quorum.TestKit;

namespace Quorum.Data.Tests.Integrity;

/// <summary>
/// The real files in ../shared/data as <see cref="BarSeries"/>, read with the production
/// <see cref="BarFileReader"/>: freqtrade JSON <c>[[open_ms, o, h, l, c, v], ...]</c> and the perp CSVs
/// <c>Date,Open,High,Low,Close,Volume</c>.
/// </summary>
internal static class RealBarFiles
{
    public const string Spot1mFolder = "ohlcv/binance-spot_2021-04-20_2021-05-20_1m-freqtrade-json";
    public const string SpotFolder = "ohlcv/binance-spot_2020-12_2021-07_freqtrade-json";
    public const string PerpFolder = "ohlcv/binance-usdm-perp_2020-2024";

    /// <summary>Loads <paramref name="relativePath"/> under the shared data folder (skipping the test when absent).</summary>
    public static BarSeries FreqtradeJson(string relativePath, Symbol symbol, Timeframe timeframe) =>
        Read(relativePath, symbol, timeframe, BarFileFormat.FreqtradeJson);

    /// <summary>Loads a perp CSV under the shared data folder (skipping the test when absent).</summary>
    public static BarSeries PerpCsv(string relativePath, Symbol symbol, Timeframe timeframe)
    {
        var series = Read(relativePath, symbol, timeframe, BarFileFormat.OhlcvCsv);
        File.ReadLines(SharedData.Require(relativePath)).First().ShouldBe("Date,Open,High,Low,Close,Volume");
        return series;
    }

    private static BarSeries Read(string relativePath, Symbol symbol, Timeframe timeframe, BarFileFormat expectedFormat)
    {
        var result = BarFileReader.Read(SharedData.Require(relativePath), timeframe);
        result.DetectedFormat.ShouldBe(expectedFormat, relativePath);
        return new BarSeries(symbol, timeframe, result.Bars);
    }
}
