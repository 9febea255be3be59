using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Catalog;
using Quorum.TestKit;

namespace Quorum.Data.Tests.Catalog;

public sealed class DataCatalogTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly DataCatalog _catalog;

    public DataCatalogTests() => _catalog = new DataCatalog(_directory.Combine("catalog"));

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void WriteThenLoad_KeepsEveryBarExactly()
    {
        Bar[] bars =
        [
            new(Bars.Jan2021, 42314.0m, 42603.2m, 42289.6m, 42503.5m, 8459.477m),
            new(Bars.Jan2021 + Timeframe.HourMs, 0.00005657m, 0.0001m, 0.00005m, 0.00009m, 0m),
            new(Bars.Jan2021 + (3 * Timeframe.HourMs), 99999999.99999999m, 100000000m, 1m, 2m, 123456789.123456789m, IsClosed: false),
        ];

        _catalog.Write(new BarSeries(Bars.EthPerp, Timeframe.H1, bars), CatalogWriteMode.Replace);
        var loaded = _catalog.Load(Bars.EthPerp, Timeframe.H1);

        loaded.Symbol.ShouldBe(Bars.EthPerp);
        loaded.Timeframe.ShouldBe(Timeframe.H1);
        loaded.Span.ToArray().ShouldBe(bars);
        loaded[2].IsClosed.ShouldBeFalse();
    }

    [Fact]
    public void Write_StoresUnderVenuePairAndTimeframe()
    {
        var entry = _catalog.Write(Bars.Series(Timeframe.H4, 10, Bars.EthPerp), CatalogWriteMode.Replace);

        entry.FilePath.ShouldBe(Path.Combine(_catalog.RootDirectory, "BINANCE", "ETHUSDT.P", "4h.qbars"));
        File.Exists(entry.FilePath).ShouldBeTrue();
        _catalog.PathOf(Bars.BtcSpot, Timeframe.M1).ShouldBe(Path.Combine(_catalog.RootDirectory, "BINANCE", "BTCUSDT", "1m.qbars"));
    }

    [Fact]
    public void List_DescribesEveryStoredSeriesInOrder()
    {
        var synthetic = Symbol.Parse("SYNTH:BTCUSDT");
        _catalog.Write(Bars.Series(Timeframe.D1, 5, Bars.EthPerp), CatalogWriteMode.Replace);
        _catalog.Write(Bars.Series(Timeframe.H1, 48, Bars.BtcSpot), CatalogWriteMode.Replace);
        _catalog.Write(Bars.Series(Timeframe.M5, 7, Bars.BtcSpot), CatalogWriteMode.Replace);
        _catalog.Write(Bars.Series(Timeframe.H1, 3, synthetic), CatalogWriteMode.Replace);

        var entries = _catalog.List();

        entries.Select(e => $"{e.Symbol} {e.Timeframe} {e.BarCount} {e.IsSynthetic}").ShouldBe([
            "BINANCE:BTCUSDT 5m 7 False",
            "BINANCE:BTCUSDT 1h 48 False",
            "BINANCE:ETHUSDT.P 1d 5 False",
            "SYNTH:BTCUSDT 1h 3 True",
        ]);
        var hourly = entries[1];
        hourly.FirstOpenTimeMs.ShouldBe(Bars.Jan2021);
        hourly.LastOpenTimeMs.ShouldBe(Bars.Jan2021 + (47 * Timeframe.HourMs));
        hourly.SizeBytes.ShouldBe(new FileInfo(hourly.FilePath).Length);
    }

    [Fact]
    public void List_WhenRootDoesNotExist_IsEmpty()
    {
        new DataCatalog(_directory.Combine("nowhere")).List().ShouldBeEmpty();
    }

    [Fact]
    public void List_IgnoresLeftoverTemporaryFiles()
    {
        var entry = _catalog.Write(Bars.Series(Timeframe.H1, 3), CatalogWriteMode.Replace);
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(entry.FilePath)!, ".1h.qbars.0123.tmp"), "half written");

        _catalog.List().ShouldHaveSingleItem().Symbol.ShouldBe(Bars.BtcSpot);
    }

    [Fact]
    public void Contains_AndGetEntry_ReflectWhatIsStored()
    {
        _catalog.Write(Bars.Series(Timeframe.H1, 3), CatalogWriteMode.Replace);

        _catalog.Contains(Bars.BtcSpot, Timeframe.H1).ShouldBeTrue();
        _catalog.Contains(Bars.BtcSpot, Timeframe.H4).ShouldBeFalse();
        _catalog.Contains(Bars.EthPerp, Timeframe.H1).ShouldBeFalse();
        _catalog.GetEntry(Bars.BtcSpot, Timeframe.H1)!.BarCount.ShouldBe(3);
        _catalog.GetEntry(Bars.BtcSpot, Timeframe.H4).ShouldBeNull();
    }

    [Fact]
    public void Load_WithRange_ReturnsBarsInHalfOpenInterval()
    {
        var series = Bars.Series(Timeframe.H1, 100);
        _catalog.Write(series, CatalogWriteMode.Replace);

        var slice = _catalog.Load(Bars.BtcSpot, Timeframe.H1, series[10].OpenTimeMs, series[20].OpenTimeMs);
        var tail = _catalog.Load(Bars.BtcSpot, Timeframe.H1, fromMs: series[95].OpenTimeMs);
        var head = _catalog.Load(Bars.BtcSpot, Timeframe.H1, toMs: series[3].OpenTimeMs + 1);
        var none = _catalog.Load(Bars.BtcSpot, Timeframe.H1, fromMs: series[^1].OpenTimeMs + 1);

        slice.Span.ToArray().ShouldBe(series.Span[10..20].ToArray());
        tail.Count.ShouldBe(5);
        head.Count.ShouldBe(4);
        none.IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void Load_WithRangeBoundsInsideGapsOrEqual_ReturnsExactlyTheBarsOpeningInside()
    {
        var bars = Bars.Sequence(Timeframe.H1, 10).Where((_, i) => i is not (3 or 4 or 5)).ToArray();
        _catalog.Write(new BarSeries(Bars.BtcSpot, Timeframe.H1, bars), CatalogWriteMode.Replace);
        long At(int hour) => Bars.Jan2021 + (hour * Timeframe.HourMs);

        _catalog.Load(Bars.BtcSpot, Timeframe.H1, At(3), At(7)).Span.ToArray().ShouldBe([bars[3]]); // 06:00 only
        _catalog.Load(Bars.BtcSpot, Timeframe.H1, At(2), At(2)).IsEmpty.ShouldBeTrue();
        _catalog.Load(Bars.BtcSpot, Timeframe.H1, At(2), At(2) + 1).Span.ToArray().ShouldBe([bars[2]]);
        _catalog.Load(Bars.BtcSpot, Timeframe.H1, toMs: At(0)).IsEmpty.ShouldBeTrue();
        _catalog.Load(Bars.BtcSpot, Timeframe.H1, fromMs: At(-100)).Count.ShouldBe(bars.Length);
    }

    [Fact]
    public void Load_WhenRangeEndsBeforeItStarts_ThrowsArgumentException()
    {
        _catalog.Write(Bars.Series(Timeframe.H1, 3), CatalogWriteMode.Replace);

        Should.Throw<ArgumentException>(() => _catalog.Load(Bars.BtcSpot, Timeframe.H1, Bars.Jan2021 + 1, Bars.Jan2021)).ParamName.ShouldBe("toMs");
    }

    [Fact]
    public void PathOf_PerpetualAndSpotOfOnePairAndVenue_AreSeparateFolders()
    {
        var spot = _catalog.PathOf(Symbol.Parse("BYBIT:SOLUSDT"), Timeframe.H4);
        var perp = _catalog.PathOf(Symbol.Parse("BYBIT:SOLUSDT.P"), Timeframe.H4);

        spot.ShouldBe(Path.Combine(_catalog.RootDirectory, "BYBIT", "SOLUSDT", "4h.qbars"));
        perp.ShouldBe(Path.Combine(_catalog.RootDirectory, "BYBIT", "SOLUSDT.P", "4h.qbars"));
    }

    [Fact]
    public void Load_WhenAbsent_ThrowsNamingSymbolTimeframeAndWhatExists()
    {
        _catalog.Write(Bars.Series(Timeframe.H1, 3), CatalogWriteMode.Replace);
        _catalog.Write(Bars.Series(Timeframe.D1, 3), CatalogWriteMode.Replace);
        _catalog.Write(Bars.Series(Timeframe.H4, 3, Bars.EthPerp), CatalogWriteMode.Replace);

        var error = Should.Throw<CatalogException>(() => _catalog.Load(Bars.BtcSpot, Timeframe.M5));

        error.Kind.ShouldBe(CatalogErrorKind.NotFound);
        error.Message.ShouldBe(
            $"BINANCE:BTCUSDT 5m is not in the data catalog at {_catalog.RootDirectory} " +
            "(BINANCE:BTCUSDT is stored as 1h 1d; the catalog holds 2 symbol(s): BINANCE:BTCUSDT 1h 1d; BINANCE:ETHUSDT.P 4h)");
    }

    [Fact]
    public void Load_WhenCatalogIsEmpty_SaysSo()
    {
        Should.Throw<CatalogException>(() => _catalog.Load(Bars.BtcSpot, Timeframe.H1)).Message.ShouldEndWith("(the catalog is empty)");
    }

    [Fact]
    public void Delete_RemovesTheSeriesAndEmptyFolders()
    {
        var entry = _catalog.Write(Bars.Series(Timeframe.H1, 3), CatalogWriteMode.Replace);

        _catalog.Delete(Bars.BtcSpot, Timeframe.H1).ShouldBeTrue();
        _catalog.Delete(Bars.BtcSpot, Timeframe.H1).ShouldBeFalse();

        File.Exists(entry.FilePath).ShouldBeFalse();
        Directory.Exists(Path.Combine(_catalog.RootDirectory, "BINANCE")).ShouldBeFalse();
        _catalog.List().ShouldBeEmpty();
    }

    [Fact]
    public void Write_GappySeries_RoundTripsWithTimeColumn()
    {
        var bars = Bars.Sequence(Timeframe.M1, 500).Where((_, i) => i % 7 != 3 && i % 50 != 10).ToArray();

        _catalog.Write(new BarSeries(Bars.BtcSpot, Timeframe.M1, bars), CatalogWriteMode.Replace);

        _catalog.Load(Bars.BtcSpot, Timeframe.M1).Span.ToArray().ShouldBe(bars);
    }

    [Fact]
    public void Write_WeeklyBars_AlignedToMonday_RoundTrip()
    {
        var monday = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var series = new BarSeries(Bars.BtcSpot, Timeframe.W1, Bars.Sequence(Timeframe.W1, 20, monday));

        _catalog.Write(series, CatalogWriteMode.Replace);

        _catalog.Load(Bars.BtcSpot, Timeframe.W1).Span.ToArray().ShouldBe(series.Span.ToArray());
    }

    [Fact]
    public void DefaultRoot_WhenVariableIsSet_UsesIt()
    {
        var root = DataCatalog.DefaultRoot(name => name == DataCatalog.DataDirectoryVariable ? "/srv/quorum-data" : null, "/home/trader");

        root.ShouldBe("/srv/quorum-data");
    }

    [Fact]
    public void DefaultRoot_WhenVariableIsUnsetOrBlank_UsesHomeDotQuorumData()
    {
        DataCatalog.DefaultRoot(_ => null, "/home/trader").ShouldBe(Path.Combine("/home/trader", ".quorum", "data"));
        DataCatalog.DefaultRoot(_ => "  ", "/home/trader").ShouldBe(Path.Combine("/home/trader", ".quorum", "data"));
    }

    [Fact]
    public void DefaultRoot_HonoursTheRealEnvironmentVariable()
    {
        var previous = Environment.GetEnvironmentVariable(DataCatalog.DataDirectoryVariable);
        try
        {
            Environment.SetEnvironmentVariable(DataCatalog.DataDirectoryVariable, _directory.Path);

            DataCatalog.DefaultRoot().ShouldBe(_directory.Path);
        }
        finally
        {
            Environment.SetEnvironmentVariable(DataCatalog.DataDirectoryVariable, previous);
        }
    }
}
