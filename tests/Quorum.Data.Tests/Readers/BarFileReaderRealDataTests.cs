using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Readers;
using Quorum.TestKit;

namespace Quorum.Data.Tests.Readers;

/// <summary>Reads the real files of ../shared/data/ohlcv (see its README).</summary>
public sealed class BarFileReaderRealDataTests
{
    /// <summary>
    /// Every file under ohlcv/ and what reading it gives: its layout, row count and timeframe, or the
    /// documented reason it is rejected.
    /// </summary>
    private static readonly (string Path, string Expected)[] Files =
    [
        ("binance-usdm-perp_2020-2024/BTCUSDT_1h.csv", "OhlcvCsv 37660 1h"),
        ("binance-usdm-perp_2020-2024/ETHUSDT_1h.csv", "OhlcvCsv 37660 1h"),
        ("binance-usdm-perp_2020-2024/SOLUSDT_1h.csv", "OhlcvCsv 31485 1h"),
        ("binance-usdm-perp_2020-2024/BNBUSDT_1h.csv", "OhlcvCsv 36692 1h"),
        ("binance-usdm-perp_2020-2024/DOGEUSDT_1h.csv", "OhlcvCsv 33067 1h"),
        ("binance-usdm-perp_2020-2024/AVAXUSDT_1h.csv", "OhlcvCsv 31269 1h"),
        ("binance-usdm-perp_2020-2024/LINKUSDT_1h.csv", "OhlcvCsv 37268 1h"),
        ("binance-usdm-perp_2020-2024/BTCUSDT_4h.csv", "OhlcvCsv 9423 4h"),
        ("binance-usdm-perp_2020-2024/ETHUSDT_4h.csv", "OhlcvCsv 9423 4h"),
        ("binance-usdm-perp_2020-2024/SOLUSDT_4h.csv", "OhlcvCsv 7880 4h"),
        ("binance-usdm-perp_2020-2024/BTCUSDT_1d.csv", "OhlcvCsv 1570 1d"),
        ("binance-usdm-perp_2020-2024/ETHUSDT_1d.csv", "OhlcvCsv 1570 1d"),
        ("binance-usdm-perp_2020-2024/SOLUSDT_1d.csv", "OhlcvCsv 1313 1d"),
        ("binance-spot_2020-12_2021-07_freqtrade-json/BTC_USDT-1h.json", "FreqtradeJson 5482 1h"),
        ("binance-spot_2020-12_2021-07_freqtrade-json/ETH_USDT-1h.json", "FreqtradeJson 5482 1h"),
        ("binance-spot_2020-12_2021-07_freqtrade-json/SOL_USDT-1h.json", "FreqtradeJson 5482 1h"),
        ("binance-spot_2020-12_2021-07_freqtrade-json/XRP_USDT-1h.json", "FreqtradeJson 5482 1h"),
        ("binance-spot_2020-12_2021-07_freqtrade-json/ADA_USDT-1h.json", "FreqtradeJson 5482 1h"),
        ("binance-spot_2020-12_2021-07_freqtrade-json/BTC_USDT-5m.json", "FreqtradeJson 65741 5m"),
        ("binance-spot_2020-12_2021-07_freqtrade-json/ETH_USDT-5m.json", "FreqtradeJson 65742 5m"),
        ("binance-spot_2020-12_2021-07_freqtrade-json/SOL_USDT-5m.json", "FreqtradeJson 65744 5m"),
        ("binance-spot_2020-12_2021-07_freqtrade-json/XRP_USDT-5m.json", "FreqtradeJson 65745 5m"),
        ("binance-spot_2020-12_2021-07_freqtrade-json/ADA_USDT-5m.json", "FreqtradeJson 65740 5m"),
        ("binance-spot_2021-04-20_2021-05-20_1m-freqtrade-json/BTC_USDT-1m.json", "FreqtradeJson 42915 1m"),
        ("binance-spot_2021-04-20_2021-05-20_1m-freqtrade-json/ETH_USDT-1m.json", "FreqtradeJson 42915 1m"),
        ("binance-spot_2021-04-20_2021-05-20_1m-freqtrade-json/BTC_USDT-5m.json", "FreqtradeJson 8583 5m"),
        ("binance-spot_2021-04-20_2021-05-20_1m-freqtrade-json/ETH_USDT-5m.json", "FreqtradeJson 8583 5m"),
        ("other/btc-perp-20211231-20220201_1m.csv", "OhlcvCsv 45031 1m"),
        ("other/binance_btcusdt_day_2020.csv", "OhlcvCsv 366 1d"),
        ("other/SOLUSDT_1h_backtesting.py.csv", "OhlcvCsv 1000 1h"),

        // Month-end dates: read, but no supported timeframe fits the spacing.
        ("other/BTCUSD_monthly_backtesting.py.csv", "OhlcvCsv 156 none"),

        // Newest-first CryptoDataDownload export, recognised and reversed, but around 2017-11-12 it
        // interleaves rows of two different clocks (03-AM, 08-AM, 02-AM, 07-AM, ...), so it is rejected
        // as unsorted rather than silently reordered.
        ("other/Coinbase_BTCUSD_1h.csv", "rejected: line 16901, column 1 (date): open time 2017-11-12 08:00:00 UTC (1510473600000) is after 2017-11-12 03:00:00 UTC (1510455600000) on line 16900"),
    ];

    public static TheoryData<string, string> EveryOhlcvFile
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (path, expected) in Files)
            {
                data.Add(path, expected);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(EveryOhlcvFile))]
    public void Read_EveryRealOhlcvFile_ReadsOrFailsWithItsDocumentedReason(string relativePath, string expected)
    {
        var path = SharedData.Require("ohlcv/" + relativePath);

        string outcome;
        try
        {
            var result = BarFileReader.Read(path);
            outcome = $"{result.DetectedFormat} {result.RowCount} {result.InferredTimeframe?.Name ?? "none"}";
            result.Bars.Length.ShouldBe(result.RowCount);
        }
        catch (DataFormatException error)
        {
            error.FilePath.ShouldBe(path);
            outcome = "rejected: " + error.Message[(path.Length + 2)..];
        }

        outcome.ShouldStartWith(expected);
    }

    [Fact]
    public void Read_EveryFileUnderOhlcv_IsCoveredByTheTable()
    {
        var root = SharedData.Require("ohlcv");
        var covered = Files.Select(row => row.Path).ToHashSet(StringComparer.Ordinal);

        var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/'));

        files.Where(file => !covered.Contains(file)).ShouldBeEmpty();
    }

    [Fact]
    public void Read_PerpBtc1hCsv_Has37660RowsAndThe2024NewYearBarExactly()
    {
        var path = SharedData.Require("ohlcv/binance-usdm-perp_2020-2024/BTCUSDT_1h.csv");

        var result = BarFileReader.Read(path, Timeframe.H1);

        result.RowCount.ShouldBe(37_660);
        var newYear = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        result.Bars.Single(b => b.OpenTimeMs == newYear).ShouldBe(new Bar(newYear, 42314.0m, 42603.2m, 42289.6m, 42503.5m, 8459.477m));
        result.Bars[0].OpenTime.ShouldBe(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero));
        result.Bars[^1].OpenTime.ShouldBe(new DateTimeOffset(2024, 4, 18, 3, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Read_SpotBtc1hFreqtradeJson_HasThe2021_04_04_2000BarExactly()
    {
        var path = SharedData.Require("ohlcv/binance-spot_2020-12_2021-07_freqtrade-json/BTC_USDT-1h.json");

        var result = BarFileReader.Read(path, Timeframe.H1);

        var time = new DateTimeOffset(2021, 4, 4, 20, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        result.Bars.Single(b => b.OpenTimeMs == time).ShouldBe(new Bar(time, 57953.86m, 58051.25m, 57826.16m, 58025.11m, 1240.209016m));
    }

    [Fact]
    public void Read_SolSpot1hBacktestingCsv_HasTheDocumented15hBar()
    {
        var path = SharedData.Require("ohlcv/other/SOLUSDT_1h_backtesting.py.csv");

        var first = BarFileReader.Read(path).Bars[0];

        first.ShouldBe(new Bar(new DateTimeOffset(2024, 9, 20, 15, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), 147.81m, 148.78m, 146.61m, 147.88m, 197950.322m));
    }
}
