using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Readers;
using Quorum.TestKit;

namespace Quorum.Data.Tests.Readers;

public sealed class BarFileReaderFormatTests : IDisposable
{
    /// <summary>2024-01-01 00:00 UTC.</summary>
    private const long Jan2024 = 1_704_067_200_000;
    private const long Hour = Timeframe.HourMs;

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Read_BinanceKlineCsvWithoutHeader_ReadsBarsExactly()
    {
        var path = SampleFiles.Write(_directory, "BTCUSDT-1h-2024-01.csv", SampleFiles.Lines(
            "1704067200000,42314.00,42603.20,42289.60,42503.50,8459.477,1704070799999,358485093.0,81049,4181.683,177183506.7,0",
            "1704070800000,42503.50,42661.00,42422.80,42584.30,6432.110,1704074399999,273842451.0,70541,3204.992,136453201.3,0"));

        var result = BarFileReader.Read(path);

        result.DetectedFormat.ShouldBe(BarFileFormat.BinanceKlineCsv);
        result.RowCount.ShouldBe(2);
        result.InferredTimeframe.ShouldBe(Timeframe.H1);
        result.SourceOrder.ShouldBe(RowOrder.OldestFirst);
        result.Bars[0].ShouldBe(new Bar(Jan2024, 42314.0m, 42603.2m, 42289.6m, 42503.5m, 8459.477m));
        result.Bars[1].OpenTimeMs.ShouldBe(Jan2024 + Hour);
        result.Bars.ShouldAllBe(b => b.IsClosed);
    }

    [Fact]
    public void Read_BinanceKlineCsvWithHeader_ReadsBars()
    {
        var path = SampleFiles.Write(_directory, "klines.csv", SampleFiles.Lines(
            "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore",
            "1704067200000,42314.0,42603.2,42289.6,42503.5,8459.477,1704070799999,0,0,0,0,0"));

        var result = BarFileReader.Read(path);

        result.DetectedFormat.ShouldBe(BarFileFormat.BinanceKlineCsv);
        result.Bars.ShouldBe([new Bar(Jan2024, 42314.0m, 42603.2m, 42289.6m, 42503.5m, 8459.477m)]);
    }

    [Fact]
    public void Read_BinanceKlineCsvWithMicrosecondTimes_ConvertsToMilliseconds()
    {
        // data.binance.vision spot files since 2025 write open/close times in microseconds.
        var path = SampleFiles.Write(_directory, "spot-2025.csv", SampleFiles.Lines(
            "1735689600000000,93576.00,94509.42,93489.03,94401.14,1330.81,1735693199999999,125129016.3,224410,698.55,65687003.3,0",
            "1735693200000000,94401.13,94408.00,93934.46,94115.97,711.74,1735696799999999,67065880.6,131311,327.42,30855005.5,0"));

        var result = BarFileReader.Read(path, Timeframe.H1);

        result.Bars[0].OpenTimeMs.ShouldBe(1_735_689_600_000);
        result.Bars[1].OpenTimeMs.ShouldBe(1_735_693_200_000);
        result.Bars[0].Volume.ShouldBe(1330.81m);
    }

    [Fact]
    public void Read_SingleBinanceKline_InfersTimeframeFromCloseTime()
    {
        var path = SampleFiles.Write(_directory, "one.csv", "1704067200000,1,2,0.5,1.5,10,1704081599999,0,0,0,0,0\n");

        BarFileReader.Read(path).InferredTimeframe.ShouldBe(Timeframe.H4);
    }

    [Fact]
    public void Read_GenericCsvWithOffsetTimes_ReadsUtcBars()
    {
        var path = SampleFiles.Write(_directory, "BTCUSDT_1h.csv", SampleFiles.Lines(
            "Date,Open,High,Low,Close,Volume",
            "2024-01-01 00:00:00+00:00,42314.0,42603.2,42289.6,42503.5,8459.477",
            "2024-01-01 01:00:00+00:00,42503.5,42661.0,42422.8,42584.3,6432.11"));

        var result = BarFileReader.Read(path);

        result.DetectedFormat.ShouldBe(BarFileFormat.OhlcvCsv);
        result.InferredTimeframe.ShouldBe(Timeframe.H1);
        result.Bars[0].ShouldBe(new Bar(Jan2024, 42314.0m, 42603.2m, 42289.6m, 42503.5m, 8459.477m));
    }

    [Fact]
    public void Read_GenericCsvWithNonUtcOffset_ConvertsToUtc()
    {
        var path = SampleFiles.Write(_directory, "offset.csv", SampleFiles.Lines(
            "timestamp,open,high,low,close,volume",
            "2024-01-01T03:00:00+03:00,1,2,0.5,1.5,10",
            "2024-01-01T01:00:00Z,1,2,0.5,1.5,10"));

        var result = BarFileReader.Read(path);

        result.Bars.Select(b => b.OpenTimeMs).ShouldBe([Jan2024, Jan2024 + Hour]);
    }

    [Fact]
    public void Read_GenericCsvWithMicrosecondFractionAndLowerCaseHeader_ReadsBars()
    {
        var path = SampleFiles.Write(_directory, "nautilus.csv", SampleFiles.Lines(
            "timestamp,open,high,low,close,volume",
            "2021-12-31 23:01:00.000000,46319.0,46385.0,46319.0,46377.0,2300413.7295",
            "2021-12-31 23:02:00.000000,46377.0,46411.0,46377.0,46411.0,1829623.1938"));

        var result = BarFileReader.Read(path);

        result.InferredTimeframe.ShouldBe(Timeframe.M1);
        result.Bars[0].OpenTimeMs.ShouldBe(new DateTimeOffset(2021, 12, 31, 23, 1, 0, TimeSpan.Zero).ToUnixTimeMilliseconds());
    }

    [Fact]
    public void Read_GenericCsvWithDateOnlyAndPandasIndexHeader_ReadsDailyBars()
    {
        var path = SampleFiles.Write(_directory, "daily.csv", SampleFiles.Lines(
            ",Open,High,Low,Close,Volume",
            "2020-01-01,7195.24,7255.0,7175.15,7200.85,16792.388165",
            "2020-01-02,7200.77,7212.5,6924.74,6965.71,31951.483932"));

        var result = BarFileReader.Read(path);

        result.InferredTimeframe.ShouldBe(Timeframe.D1);
        result.Bars[1].ShouldBe(new Bar(1_577_923_200_000, 7200.77m, 7212.5m, 6924.74m, 6965.71m, 31951.483932m));
    }

    [Fact]
    public void Read_GenericCsvWithExtraColumnsInAnyOrder_MapsColumnsByName()
    {
        var path = SampleFiles.Write(_directory, "reordered.csv", SampleFiles.Lines(
            "symbol,datetime,close,high,low,open,volume,trades",
            "BTCUSDT,2024-01-01 00:00:00,42503.5,42603.2,42289.6,42314.0,8459.477,81049"));

        var result = BarFileReader.Read(path);

        result.Bars.ShouldBe([new Bar(Jan2024, 42314.0m, 42603.2m, 42289.6m, 42503.5m, 8459.477m)]);
        result.InferredTimeframe.ShouldBeNull();
    }

    [Fact]
    public void Read_HeaderlessCsvWithEpochSeconds_ReadsBars()
    {
        var path = SampleFiles.Write(_directory, "seconds.csv", SampleFiles.Lines(
            "1704067200,1.5,2,1,1.75,100",
            "1704067500,1.75,2.5,1.5,2,0"));

        var result = BarFileReader.Read(path);

        result.DetectedFormat.ShouldBe(BarFileFormat.HeaderlessOhlcvCsv);
        result.InferredTimeframe.ShouldBe(Timeframe.M5);
        result.Bars[1].ShouldBe(new Bar(Jan2024 + (5 * Timeframe.MinuteMs), 1.75m, 2.5m, 1.5m, 2m, 0m));
    }

    [Fact]
    public void Read_HeaderlessCsvWithIsoTimes_ReadsBars()
    {
        var path = SampleFiles.Write(_directory, "iso.csv", "2024-01-01T00:00:00Z,1,2,0.5,1.5,10\r\n2024-01-01T00:15:00Z,1,2,0.5,1.5,10\r\n");

        var result = BarFileReader.Read(path);

        result.DetectedFormat.ShouldBe(BarFileFormat.HeaderlessOhlcvCsv);
        result.InferredTimeframe.ShouldBe(Timeframe.M15);
    }

    [Fact]
    public void Read_ExponentNotationAndQuotedFields_ParsesExactDecimals()
    {
        var path = SampleFiles.Write(_directory, "exp.csv", SampleFiles.Lines(
            "\"timestamp\",\"open\",\"high\",\"low\",\"close\",\"volume\"",
            "\"2024-01-01 00:00:00\",5.657e-05,5.7E-5,5.6e-05,0.00005657,1.5e3"));

        var bar = BarFileReader.Read(path).Bars[0];

        bar.Open.ShouldBe(0.00005657m);
        bar.High.ShouldBe(0.000057m);
        bar.Low.ShouldBe(0.000056m);
        bar.Volume.ShouldBe(1500m);
    }

    [Fact]
    public void Read_ByteOrderMarkAndBlankLines_AreIgnored()
    {
        var path = SampleFiles.Write(_directory, "bom.csv", "\uFEFFDate,Open,High,Low,Close,Volume\n\n2024-01-01,1,2,0.5,1.5,10\n\n");

        BarFileReader.Read(path).RowCount.ShouldBe(1);
    }

    [Fact]
    public void Read_BinanceKlinesWithBomCrlfAndTrailingBlankLines_ReadsEveryBarExactly()
    {
        var path = _directory.Combine("windows.csv");
        File.WriteAllBytes(path, [
            0xEF, 0xBB, 0xBF,
            .. "1704067200000,42314.0,42603.2,42289.6,42503.5,8459.477,1704070799999,0,0,0,0,0\r\n"u8,
            .. "1704070800000,42503.5,42661.0,42422.8,42584.3,6432.11,1704074399999,0,0,0,0,0\r\n"u8,
            .. "\r\n \r\n\r\n"u8,
        ]);

        var result = BarFileReader.Read(path, Timeframe.H1);

        result.DetectedFormat.ShouldBe(BarFileFormat.BinanceKlineCsv);
        result.Bars.ShouldBe([
            new Bar(Jan2024, 42314.0m, 42603.2m, 42289.6m, 42503.5m, 8459.477m),
            new Bar(Jan2024 + Hour, 42503.5m, 42661.0m, 42422.8m, 42584.3m, 6432.11m),
        ]);
    }

    [Fact]
    public void Read_LoneCarriageReturnLineEndings_ReadsEveryRowWithItsLineNumber()
    {
        var path = SampleFiles.Write(_directory, "mac.csv", "Date,Open,High,Low,Close,Volume\r2024-01-01,1,2,0.5,1.5,10\r2024-01-02,1,2,0.5,1.5,10\r2024-01-03,1,2,0.5,1.5,x\r");

        var error = Should.Throw<DataFormatException>(() => BarFileReader.Read(path));

        error.Location.ShouldBe("line 4");
        File.WriteAllText(path, "Date,Open,High,Low,Close,Volume\r2024-01-01,1,2,0.5,1.5,10\r2024-01-02,1,2,0.5,1.5,10\r");
        BarFileReader.Read(path).Bars.Select(b => b.OpenTimeMs).ShouldBe([Jan2024, Jan2024 + Timeframe.DayMs]);
    }

    [Fact]
    public void Read_JsonAfterAByteOrderMark_ReadsBars()
    {
        var path = _directory.Combine("bom.json");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. "[[1704067200000,1,2,0.5,1.5,10]]\n"u8]);

        BarFileReader.Read(path).Bars.ShouldBe([new Bar(Jan2024, 1m, 2m, 0.5m, 1.5m, 10m)]);
    }

    [Fact]
    public void Read_BinanceKlineCsvWithHeaderAndMicrosecondTimes_ReadsMilliseconds()
    {
        var path = SampleFiles.Write(_directory, "spot-2025-header.csv", SampleFiles.Lines(
            "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore",
            "1735689600000000,93576.00,94509.42,93489.03,94401.14,1330.81,1735693199999999,0,0,0,0,0"));

        var result = BarFileReader.Read(path, Timeframe.H1);

        result.DetectedFormat.ShouldBe(BarFileFormat.BinanceKlineCsv);
        result.Bars.ShouldBe([new Bar(1_735_689_600_000, 93576.00m, 94509.42m, 93489.03m, 94401.14m, 1330.81m)]);
        result.InferredTimeframe.ShouldBe(Timeframe.H1);
    }

    [Fact]
    public void Read_IsoTimesWithHalfHourAndNegativeOffsets_ConvertsToUtc()
    {
        var path = SampleFiles.Write(_directory, "offsets.csv", SampleFiles.Lines(
            "datetime,open,high,low,close,volume",
            "2024-01-01 05:30:00+05:30,1,2,0.5,1.5,10",
            "2023-12-31T21:00:00-04:00,1,2,0.5,1.5,10",
            "2024-01-01 02:00:00 UTC,1,2,0.5,1.5,10"));

        BarFileReader.Read(path).Bars.Select(b => b.OpenTimeMs).ShouldBe([Jan2024, Jan2024 + Hour, Jan2024 + (2 * Hour)]);
    }

    [Fact]
    public void Read_CryptoDataDownloadNewestFirst_ReversesAndReportsIt()
    {
        var path = SampleFiles.Write(_directory, "Coinbase_BTCUSD_1h.csv", SampleFiles.Lines(
            "Timestamps are UTC timezone,https://www.CryptoDataDownload.com",
            "date,symbol,open,high,low,close,volume_btc,volume",
            "2019-10-17 01-PM,BTCUSD,8035.88,8060,8030,8050,12.5,100000",
            "2019-10-17 12-PM,BTCUSD,8051,8056.83,8021.23,8035.88,61.25,492394.56",
            "2019-10-17 11-AM,BTCUSD,8040,8055,8035,8051,10,80000",
            "2019-10-17 12-AM,BTCUSD,8000,8045,7990,8040,20,160000"));

        var result = BarFileReader.Read(path);

        result.DetectedFormat.ShouldBe(BarFileFormat.CryptoDataDownloadCsv);
        result.SourceOrder.ShouldBe(RowOrder.NewestFirst);
        var midnight = new DateTimeOffset(2019, 10, 17, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        result.Bars.Select(b => b.OpenTimeMs).ShouldBe([midnight, midnight + (11 * Hour), midnight + (12 * Hour), midnight + (13 * Hour)]);
        result.Bars[2].ShouldBe(new Bar(midnight + (12 * Hour), 8051m, 8056.83m, 8021.23m, 8035.88m, 61.25m));
        result.InferredTimeframe.ShouldBe(Timeframe.H1);
    }

    [Fact]
    public void Read_FreqtradeJson_ReadsBars()
    {
        var path = SampleFiles.Write(_directory, "BTC_USDT-1h.json",
            "[[1617566400000,57953.86,58051.25,57826.16,58025.11,1240.209016],[1617570000000,58025.11,58100.0,57900.01,57999.99,1000.5]]");

        var result = BarFileReader.Read(path);

        result.DetectedFormat.ShouldBe(BarFileFormat.FreqtradeJson);
        result.InferredTimeframe.ShouldBe(Timeframe.H1);
        result.Bars[0].ShouldBe(new Bar(1_617_566_400_000, 57953.86m, 58051.25m, 57826.16m, 58025.11m, 1240.209016m));
    }

    [Fact]
    public void Read_FreqtradeJsonWithWhitespaceAndExponents_ReadsBars()
    {
        var path = SampleFiles.Write(_directory, "pretty.json", "[\n  [1617566400000, 5.657e-05, 6e-05, 5e-05, 5.9E-05, 1e6]\n]\n");

        var bar = BarFileReader.Read(path).Bars.ShouldHaveSingleItem();

        bar.Open.ShouldBe(0.00005657m);
        bar.Volume.ShouldBe(1_000_000m);
    }

    [Fact]
    public void Read_BinanceRestKlinesJson_ReadsStringNumbers()
    {
        var path = SampleFiles.Write(_directory, "klines.json",
            "[[1499040000000,\"0.01634790\",\"0.80000000\",\"0.01575800\",\"0.01577100\",\"148976.11427815\",1499644799999,\"2434.19055334\",308,\"1756.87402397\",\"28.46694368\",\"0\"]]");

        var result = BarFileReader.Read(path);

        result.DetectedFormat.ShouldBe(BarFileFormat.BinanceKlinesJson);
        result.Bars.ShouldBe([new Bar(1_499_040_000_000, 0.0163479m, 0.8m, 0.015758m, 0.015771m, 148976.11427815m)]);
        result.InferredTimeframe.ShouldBe(Timeframe.W1); // close_time - open_time + 1 ms is one week, opening on a Monday
    }

    [Fact]
    public void Read_WithTimeframe_AcceptsAlignedBarsWithGaps()
    {
        var path = SampleFiles.Write(_directory, "gaps.csv", SampleFiles.Lines(
            "Date,Open,High,Low,Close,Volume",
            "2024-01-01 00:00:00,1,2,0.5,1.5,10",
            "2024-01-01 03:00:00,1,2,0.5,1.5,10",
            "2024-01-01 04:00:00,1,2,0.5,1.5,10"));

        var result = BarFileReader.Read(path, Timeframe.H1);

        result.RowCount.ShouldBe(3);
        result.InferredTimeframe.ShouldBe(Timeframe.H1);
    }

    [Fact]
    public void Read_MonthlyBars_InfersNoTimeframe()
    {
        var path = SampleFiles.Write(_directory, "monthly.csv", SampleFiles.Lines(
            ",Open,High,Low,Close,Volume",
            "2012-01-31,4.58,7.38,3.8,5.55,2012.25343589",
            "2012-02-29,5.55,6.5,3.8,4.99,4761.6090813"));

        BarFileReader.Read(path).InferredTimeframe.ShouldBeNull();
    }
}
