using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Data.Readers;
using Quorum.TestKit;

namespace Quorum.Data.Tests.Readers;

public sealed class FundingFileReaderTests : IDisposable
{
    private static readonly Symbol BtcPerp = Symbol.Parse("BINANCE:BTCUSDT.P");

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Read_FetcherCsv_SubtractsThreeHoursAndKeepsMillisecondJitter()
    {
        var path = SampleFiles.Write(_directory, "BTC-USDT_binance.csv", SampleFiles.Lines(
            "Symbol,Date,Funding Rate",
            "BTC-USDT,2023-01-07 19:00:00.000,0.00010000",
            "BTC-USDT,2023-01-08 03:00:00.015,0.00005657"));

        var rates = FundingFileReader.Read(path, BtcPerp);

        rates.ShouldBe([
            new FundingRate(BtcPerp, 1_673_107_200_000, 0.0001m),
            new FundingRate(BtcPerp, 1_673_136_000_015, 0.00005657m),
        ]);
    }

    [Fact]
    public void Read_FetcherCsvWithExplicitOffset_UsesTheGivenOffset()
    {
        var path = SampleFiles.Write(_directory, "utc.csv", SampleFiles.Lines("Symbol,Date,Funding Rate", "BTC-USDT,2023-01-08 00:00:00.015,5.657e-05"));

        var rate = FundingFileReader.Read(path, BtcPerp, TimeSpan.Zero).ShouldHaveSingleItem();

        rate.FundingTimeMs.ShouldBe(1_673_136_000_015);
        rate.Rate.ShouldBe(0.00005657m);
    }

    [Fact]
    public void Read_BinanceFundingJson_ReadsTimesAndStringRates()
    {
        var path = SampleFiles.Write(_directory, "fundingRate.json",
            "[{\"symbol\":\"BTCUSDT\",\"fundingTime\":1673107200000,\"fundingRate\":\"0.00010000\",\"markPrice\":\"16946.10000000\"}," +
            "{\"symbol\":\"BTCUSDT\",\"fundingTime\":1673136000015,\"fundingRate\":\"0.00005657\",\"markPrice\":\"\"}]");

        var rates = FundingFileReader.Read(path, BtcPerp);

        rates.Select(r => (r.FundingTimeMs, r.Rate)).ShouldBe([(1_673_107_200_000L, 0.0001m), (1_673_136_000_015L, 0.00005657m)]);
    }

    [Fact]
    public void Read_EpochMillisecondCsv_IsUtcWhateverTheOffset()
    {
        var path = SampleFiles.Write(_directory, "funding.csv", SampleFiles.Lines("symbol,fundingTime,fundingRate", "BTC/USDT:USDT,1673136000015,-0.0001"));

        var rate = FundingFileReader.Read(path, BtcPerp, TimeSpan.FromHours(5)).ShouldHaveSingleItem();

        rate.FundingTimeMs.ShouldBe(1_673_136_000_015);
        rate.Rate.ShouldBe(-0.0001m);
    }

    [Fact]
    public void Read_IsoCsvWithOtherHeader_DefaultsToUtc()
    {
        var path = SampleFiles.Write(_directory, "iso.csv", SampleFiles.Lines("timestamp,funding_rate", "2023-01-08 00:00:00,0.0001"));

        FundingFileReader.Read(path, BtcPerp).ShouldHaveSingleItem().FundingTimeMs.ShouldBe(1_673_136_000_000);
    }

    [Fact]
    public void Read_WhenSymbolColumnNamesAnotherPair_ThrowsNamingLineAndValue()
    {
        var path = SampleFiles.Write(_directory, "eth.csv", SampleFiles.Lines("Symbol,Date,Funding Rate", "ETH-USDT,2023-01-08 03:00:00.015,0.00005657"));

        Should.Throw<DataFormatException>(() => FundingFileReader.Read(path, BtcPerp)).Message.ShouldBe(
            $"{path}: line 2, column 1 (Symbol): value 'ETH-USDT' does not match the requested symbol BINANCE:BTCUSDT.P (expected pair BTCUSDT, e.g. BTC-USDT)");
    }

    [Fact]
    public void Read_WhenRateIsMalformed_ThrowsNamingColumn()
    {
        var path = SampleFiles.Write(_directory, "bad.csv", SampleFiles.Lines("Symbol,Date,Funding Rate", "BTC-USDT,2023-01-08 03:00:00.015,0.01%"));

        Should.Throw<DataFormatException>(() => FundingFileReader.Read(path, BtcPerp)).Message.ShouldStartWith(
            $"{path}: line 2, column 3 (Funding Rate): value '0.01%' is not a number");
    }

    [Fact]
    public void Read_WhenTimesRepeat_ThrowsNamingBothRows()
    {
        var path = SampleFiles.Write(_directory, "dup.csv", SampleFiles.Lines(
            "Symbol,Date,Funding Rate",
            "BTC-USDT,2023-01-08 03:00:00.015,0.0001",
            "BTC-USDT,2023-01-08 03:00:00.015,0.0001"));

        Should.Throw<DataFormatException>(() => FundingFileReader.Read(path, BtcPerp)).Message.ShouldBe(
            $"{path}: line 3, column 2 (Date): funding time 2023-01-08 00:00:00.015 UTC (1673136000015) duplicates the funding time of line 2 " +
            "(rows must be strictly ascending in time; rows are never reordered)");
    }

    [Fact]
    public void Read_WhenJsonLacksFundingRate_ThrowsNamingElement()
    {
        var path = SampleFiles.Write(_directory, "partial.json", "[{\"symbol\":\"BTCUSDT\",\"fundingTime\":1673136000015}]");

        Should.Throw<DataFormatException>(() => FundingFileReader.Read(path, BtcPerp)).Message.ShouldStartWith(
            $"{path}: element [0] (line 1): has no fundingRate");
    }

    [Fact]
    public void Read_WhenJsonIsAnErrorObject_ThrowsExplaining()
    {
        var path = SampleFiles.Write(_directory, "error.json", "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}");

        Should.Throw<DataFormatException>(() => FundingFileReader.Read(path, BtcPerp)).Message.ShouldStartWith($"{path}: holds a JSON object (expected a JSON array of funding rates");
    }

    [Fact]
    public void Read_WhenJsonElementIsNotAnObject_NamesWhatItIs()
    {
        var path = SampleFiles.Write(_directory, "numbers.json", "[1673136000015]");

        Should.Throw<DataFormatException>(() => FundingFileReader.Read(path, BtcPerp)).Message.ShouldStartWith(
            $"{path}: element [0] (line 1): is a JSON number (expected an object");
    }

    [Fact]
    public void Read_WhenJsonValueIsNull_NamesTheProperty()
    {
        var path = SampleFiles.Write(_directory, "null.json", "[{\"fundingTime\":1673136000015,\"fundingRate\":null}]");

        Should.Throw<DataFormatException>(() => FundingFileReader.Read(path, BtcPerp)).Message.ShouldBe(
            $"{path}: element [0] (line 1), fundingRate: is a JSON null (expected a number or a string)");
    }

    [Fact]
    public void Read_WhenSymbolDiffers_QuotesItAsWritten()
    {
        var path = SampleFiles.Write(_directory, "eth.csv", SampleFiles.Lines("symbol,fundingTime,fundingRate", " eth/usdt:usdt ,1673136000015,0.0001"));

        Should.Throw<DataFormatException>(() => FundingFileReader.Read(path, BtcPerp)).Value.ShouldBe("eth/usdt:usdt");
    }

    [Fact]
    public void Read_WhenHeaderHasNoRateColumn_Throws()
    {
        var path = SampleFiles.Write(_directory, "norate.csv", SampleFiles.Lines("Symbol,Date", "BTC-USDT,2023-01-08"));

        Should.Throw<DataFormatException>(() => FundingFileReader.Read(path, BtcPerp)).Message.ShouldContain("line 1: header 'Symbol,Date' has no funding rate column");
    }

    [Fact]
    public void Read_WhenFileIsEmpty_Throws()
    {
        var path = SampleFiles.Write(_directory, "empty.csv", string.Empty);

        Should.Throw<DataFormatException>(() => FundingFileReader.Read(path, BtcPerp)).Message.ShouldBe(
            $"{path}: is empty (expected funding rates as CSV or a JSON array)");
    }

    [Fact]
    public void Read_RealBinanceBtcFunding_ConvertsUtcPlus3AndKeepsJitter()
    {
        var path = SharedData.Require("funding/BTC-USDT_binance_2020-01-01_2024-01-01_funding_history.csv");

        var rates = FundingFileReader.Read(path, BtcPerp);

        rates.Length.ShouldBe(4_383);
        rates.ShouldContain(new FundingRate(BtcPerp, 1_673_136_000_015, 0.00005657m));
        rates[0].FundingTime.ShouldBe(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero));
        rates.ShouldAllBe(r => (r.FundingTimeMs / 1000) % (8 * 3600) == 0, "every funding is at 00/08/16 UTC (plus ms jitter)");
    }

    [Theory]
    [InlineData("funding/ETH-USDT_binance_2020-01-01_2024-01-01_funding_history.csv", "BINANCE:ETHUSDT.P", 4_383)]
    [InlineData("funding/BTC-USDT_bybit_2021-01-01_2024-01-01_funding_history.csv", "BYBIT:BTCUSDT.P", 3_285)]
    [InlineData("funding/ETH-USDT_bybit_2021-01-01_2024-01-01_funding_history.csv", "BYBIT:ETHUSDT.P", 3_285)]
    public void Read_EveryRealFundingFile_ReadsAtEightHourUtcFundingTimes(string relativePath, string symbol, int rows)
    {
        var path = SharedData.Require(relativePath);

        var rates = FundingFileReader.Read(path, Symbol.Parse(symbol));

        rates.Length.ShouldBe(rows);
        rates.ShouldAllBe(r => (r.FundingTimeMs / 1000) % (8 * 3600) == 0);
    }
}
