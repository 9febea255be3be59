using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Catalog;
using Quorum.Data.Readers;
using Quorum.TestKit;

namespace Quorum.Data.Tests.Catalog;

public sealed class DataCatalogExportTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly DataCatalog _catalog;

    public DataCatalogExportTests() => _catalog = new DataCatalog(_directory.Combine("catalog"));

    public void Dispose() => _directory.Dispose();

    public static TheoryData<ExportFormat, BarFileFormat> Formats => new()
    {
        { ExportFormat.BinanceKlineCsv, BarFileFormat.BinanceKlineCsv },
        { ExportFormat.OhlcvCsv, BarFileFormat.OhlcvCsv },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Export_ThenRead_GivesIdenticalBars(ExportFormat format, BarFileFormat detected)
    {
        Bar[] bars = [.. Bars.Sequence(Timeframe.H1, 50).Where((_, i) => i % 9 != 4), new Bar(Bars.Jan2021 + (60 * Timeframe.HourMs), 0.00005657m, 0.0001m, 0.00005m, 0.00009m, 0m)];
        _catalog.Write(new BarSeries(Bars.EthPerp, Timeframe.H1, bars), CatalogWriteMode.Replace);
        var path = _directory.Combine("export", "eth.csv");

        _catalog.Export(Bars.EthPerp, Timeframe.H1, path, format);
        var read = BarFileReader.Read(path, Timeframe.H1);

        read.DetectedFormat.ShouldBe(detected);
        read.Bars.ShouldBe(bars);
        read.InferredTimeframe.ShouldBe(Timeframe.H1);
    }

    [Fact]
    public void Export_BinanceKlineCsv_WritesTwelveColumnsWithCloseTime()
    {
        _catalog.Write(new BarSeries(Bars.BtcSpot, Timeframe.H1, [new Bar(1_704_067_200_000, 42314.0m, 42603.2m, 42289.6m, 42503.5m, 8459.477m)]), CatalogWriteMode.Replace);
        var path = _directory.Combine("btc.csv");

        _catalog.Export(Bars.BtcSpot, Timeframe.H1, path, ExportFormat.BinanceKlineCsv);

        File.ReadAllText(path).ShouldBe("1704067200000,42314.0,42603.2,42289.6,42503.5,8459.477,1704070799999,0,0,0,0,0\n");
    }

    [Fact]
    public void Export_OhlcvCsv_WritesReadableDates()
    {
        _catalog.Write(new BarSeries(Bars.BtcSpot, Timeframe.D1, [new Bar(1_704_067_200_000, 42314.0m, 42603.2m, 42289.6m, 42503.5m, 8459.477m)]), CatalogWriteMode.Replace);
        var path = _directory.Combine("btc.csv");

        _catalog.Export(Bars.BtcSpot, Timeframe.D1, path, ExportFormat.OhlcvCsv);

        File.ReadAllText(path).ShouldBe("Date,Open,High,Low,Close,Volume\n2024-01-01 00:00:00+00:00,42314.0,42603.2,42289.6,42503.5,8459.477\n");
    }

    [Fact]
    public void Export_OhlcvCsvOfADerivedSeriesWithMilliseconds_KeepsThem()
    {
        Bar[] bars = [new(1_704_067_200_015, 1m, 2m, 0.5m, 1.5m, 10m), new(1_704_067_260_015, 1m, 2m, 0.5m, 1.5m, 10m)];
        var path = _directory.Combine("ms.csv");

        DataCatalog.Export(new BarSeries(Bars.BtcSpot, Timeframe.M1, bars), path, ExportFormat.OhlcvCsv);

        File.ReadAllLines(path)[1].ShouldStartWith("2024-01-01 00:00:00.015+00:00,");
        BarFileReader.Read(path).Bars.ShouldBe(bars);
    }

    [Fact]
    public void Export_WhenFormatIsUndefined_ThrowsBeforeLoadingOrWriting()
    {
        var path = _directory.Combine("bad.csv");

        Should.Throw<ArgumentOutOfRangeException>(() => _catalog.Export(Bars.BtcSpot, Timeframe.H1, path, (ExportFormat)9)).ParamName.ShouldBe("format");
        Should.Throw<ArgumentOutOfRangeException>(() => DataCatalog.Export(Bars.Series(Timeframe.H1, 2), path, (ExportFormat)9)).ParamName.ShouldBe("format");
        File.Exists(path).ShouldBeFalse();
    }

    [Fact]
    public void Export_WhenAbsent_ThrowsNotFoundAndWritesNothing()
    {
        var path = _directory.Combine("none.csv");

        Should.Throw<CatalogException>(() => _catalog.Export(Bars.BtcSpot, Timeframe.H1, path, ExportFormat.OhlcvCsv)).Kind.ShouldBe(CatalogErrorKind.NotFound);
        File.Exists(path).ShouldBeFalse();
    }

    [Fact]
    public void ImportRealPerpFile_ThenExportAndRead_GivesTheSameBars()
    {
        var source = SharedData.Require("ohlcv/binance-usdm-perp_2020-2024/BTCUSDT_1h.csv");
        var read = BarFileReader.Read(source, Timeframe.H1);
        var symbol = Symbol.Parse("BINANCE:BTCUSDT.P");
        _catalog.Write(new BarSeries(symbol, Timeframe.H1, read.Bars), CatalogWriteMode.Replace);
        var path = _directory.Combine("roundtrip.csv");

        _catalog.Load(symbol, Timeframe.H1).Span.ToArray().ShouldBe(read.Bars);
        _catalog.Export(symbol, Timeframe.H1, path, ExportFormat.BinanceKlineCsv);

        BarFileReader.Read(path).Bars.ShouldBe(read.Bars);
    }
}
