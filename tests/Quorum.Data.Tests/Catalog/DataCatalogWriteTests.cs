using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Catalog;
using Quorum.TestKit;

namespace Quorum.Data.Tests.Catalog;

public sealed class DataCatalogWriteTests : IDisposable
{
    private const long Hour = Timeframe.HourMs;

    private readonly TempDirectory _directory = new();
    private readonly DataCatalog _catalog;

    public DataCatalogWriteTests() => _catalog = new DataCatalog(_directory.Combine("catalog"));

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Write_Replace_OverwritesStoredBars()
    {
        _catalog.Write(Bars.Series(Timeframe.H1, 50), CatalogWriteMode.Replace);
        var replacement = Bars.Series(Timeframe.H1, 5, startMs: Bars.Jan2021 + (1000 * Hour));

        var entry = _catalog.Write(replacement, CatalogWriteMode.Replace);

        entry.BarCount.ShouldBe(5);
        _catalog.Load(Bars.BtcSpot, Timeframe.H1).Span.ToArray().ShouldBe(replacement.Span.ToArray());
    }

    [Fact]
    public void Write_Merge_UnitesByOpenTimeKeepingIdenticalOverlap()
    {
        var all = Bars.Sequence(Timeframe.H1, 30);
        _catalog.Write(new BarSeries(Bars.BtcSpot, Timeframe.H1, all[..20]), CatalogWriteMode.Replace);

        var entry = _catalog.Write(new BarSeries(Bars.BtcSpot, Timeframe.H1, all[15..]), CatalogWriteMode.Merge);

        entry.BarCount.ShouldBe(30);
        entry.FirstOpenTimeMs.ShouldBe(all[0].OpenTimeMs);
        entry.LastOpenTimeMs.ShouldBe(all[^1].OpenTimeMs);
        _catalog.Load(Bars.BtcSpot, Timeframe.H1).Span.ToArray().ShouldBe(all);
    }

    [Fact]
    public void Write_Merge_FillsGapsAndPrependsOlderBars()
    {
        var all = Bars.Sequence(Timeframe.H1, 30);
        _catalog.Write(new BarSeries(Bars.BtcSpot, Timeframe.H1, [.. all[10..15], .. all[20..25]]), CatalogWriteMode.Replace);

        _catalog.Write(new BarSeries(Bars.BtcSpot, Timeframe.H1, [.. all[..10], .. all[15..20], .. all[25..]]), CatalogWriteMode.Merge);

        _catalog.Load(Bars.BtcSpot, Timeframe.H1).Span.ToArray().ShouldBe(all);
    }

    [Fact]
    public void Write_MergeWhenNothingStored_WritesTheSeries()
    {
        var series = Bars.Series(Timeframe.M15, 10);

        _catalog.Write(series, CatalogWriteMode.Merge).BarCount.ShouldBe(10);
    }

    [Fact]
    public void Write_MergeWithDifferingClosedBar_FailsNamingTimeAndBothValuesAndLeavesFileByteIdentical()
    {
        var stored = Bars.Sequence(Timeframe.H1, 10);
        var entry = _catalog.Write(new BarSeries(Bars.BtcSpot, Timeframe.H1, stored), CatalogWriteMode.Replace);
        var before = File.ReadAllBytes(entry.FilePath);
        var changed = stored[4] with { Close = stored[4].Close + 0.01m, High = stored[4].High + 1m };

        var error = Should.Throw<CatalogException>(() =>
            _catalog.Write(new BarSeries(Bars.BtcSpot, Timeframe.H1, [changed, stored[5]]), CatalogWriteMode.Merge));

        error.Kind.ShouldBe(CatalogErrorKind.MergeConflict);
        error.Message.ShouldBe(
            "BINANCE:BTCUSDT 1h: merge conflict at 2021-01-01 04:00:00 UTC (1609473600000): " +
            $"the catalog has [{stored[4]}] but the new data has [{changed}]; nothing was written (use Replace to overwrite)");
        File.ReadAllBytes(entry.FilePath).ShouldBe(before);
    }

    [Fact]
    public void Write_ReplaceWithDifferingBar_Overwrites()
    {
        var stored = Bars.Sequence(Timeframe.H1, 10);
        _catalog.Write(new BarSeries(Bars.BtcSpot, Timeframe.H1, stored), CatalogWriteMode.Replace);
        var changed = stored[4] with { Close = stored[4].Close + 0.01m };

        _catalog.Write(new BarSeries(Bars.BtcSpot, Timeframe.H1, [changed]), CatalogWriteMode.Replace);

        _catalog.Load(Bars.BtcSpot, Timeframe.H1).Span.ToArray().ShouldBe([changed]);
    }

    [Fact]
    public void Write_Merge_AClosedBarReplacesAStoredFormingBarButNotTheOtherWayRound()
    {
        var bars = Bars.Sequence(Timeframe.H1, 3);
        var forming = bars[2] with { Close = bars[2].Open, IsClosed = false };
        _catalog.Write(new BarSeries(Bars.BtcSpot, Timeframe.H1, [bars[0], bars[1], forming]), CatalogWriteMode.Replace);

        _catalog.Write(new BarSeries(Bars.BtcSpot, Timeframe.H1, [bars[2]]), CatalogWriteMode.Merge);
        _catalog.Write(new BarSeries(Bars.BtcSpot, Timeframe.H1, [bars[1] with { Volume = 0m, IsClosed = false }]), CatalogWriteMode.Merge);

        _catalog.Load(Bars.BtcSpot, Timeframe.H1).Span.ToArray().ShouldBe(bars);
    }

    [Fact]
    public void Write_WhenSeriesIsUnsorted_RefusesAndLeavesCatalogUnchanged()
    {
        var entry = _catalog.Write(Bars.Series(Timeframe.H1, 5), CatalogWriteMode.Replace);
        var before = File.ReadAllBytes(entry.FilePath);
        var bars = Bars.Sequence(Timeframe.H1, 3);

        var error = Should.Throw<CatalogException>(() =>
            _catalog.Write(new BarSeries(Bars.BtcSpot, Timeframe.H1, [bars[0], bars[2], bars[1]]), CatalogWriteMode.Replace));

        error.Kind.ShouldBe(CatalogErrorKind.InvalidSeries);
        error.Message.ShouldBe(
            "BINANCE:BTCUSDT 1h: bar [2] at 2021-01-01 01:00:00 UTC (1609462800000) is before bar [1] at 2021-01-01 02:00:00 UTC (1609466400000) " +
            "(open times must be strictly ascending); nothing was written");
        File.ReadAllBytes(entry.FilePath).ShouldBe(before);
    }

    [Fact]
    public void Write_WhenSeriesHasDuplicate_Refuses()
    {
        var bars = Bars.Sequence(Timeframe.H1, 2);

        Should.Throw<CatalogException>(() => _catalog.Write(new BarSeries(Bars.BtcSpot, Timeframe.H1, [bars[0], bars[0]]), CatalogWriteMode.Replace))
            .Message.ShouldContain("bar [1] at 2021-01-01 00:00:00 UTC (1609459200000) duplicates bar [0]");
        _catalog.Contains(Bars.BtcSpot, Timeframe.H1).ShouldBeFalse();
    }

    [Fact]
    public void Write_WhenOpenTimeIsNotAligned_Refuses()
    {
        var bar = Bars.Sequence(Timeframe.H1, 1)[0] with { OpenTimeMs = Bars.Jan2021 + (30 * Timeframe.MinuteMs) };

        Should.Throw<CatalogException>(() => _catalog.Write(new BarSeries(Bars.BtcSpot, Timeframe.H1, [bar]), CatalogWriteMode.Replace))
            .Message.ShouldBe("BINANCE:BTCUSDT 1h: bar [0] at 2021-01-01 00:30:00 UTC (1609461000000) is not aligned to 1h (expected 2021-01-01 00:00:00 UTC (1609459200000) or the next bar); nothing was written");
    }

    [Theory]
    [InlineData(0, 2, 1, 1.5, 1, "non-positive price")]
    [InlineData(1, 2, -1, 1.5, 1, "non-positive price")]
    [InlineData(1, 2, 1, 1.5, -1, "negative volume -1")]
    [InlineData(1, 0.5, 1, 1, 1, "high 0.5 below low 1")]
    public void Write_WhenPricesAreInsane_Refuses(double open, double high, double low, double close, double volume, string expected)
    {
        var bar = new Bar(Bars.Jan2021, (decimal)open, (decimal)high, (decimal)low, (decimal)close, (decimal)volume);

        var error = Should.Throw<CatalogException>(() => _catalog.Write(new BarSeries(Bars.BtcSpot, Timeframe.H1, [bar]), CatalogWriteMode.Merge));

        error.Kind.ShouldBe(CatalogErrorKind.InvalidSeries);
        error.Message.ShouldContain(expected);
        Directory.Exists(_catalog.RootDirectory).ShouldBeFalse();
    }

    [Fact]
    public void Write_WhenAnOpenTimeIsAfterTheYear9999_Refuses()
    {
        var time = Timeframe.H1.AlignDown(DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()) + Timeframe.HourMs;
        var bar = Bars.Sequence(Timeframe.H1, 1)[0] with { OpenTimeMs = time };

        var error = Should.Throw<CatalogException>(() => _catalog.Write(new BarSeries(Bars.BtcSpot, Timeframe.H1, [bar]), CatalogWriteMode.Replace));

        error.Kind.ShouldBe(CatalogErrorKind.InvalidSeries);
        error.Message.ShouldBe(
            $"BINANCE:BTCUSDT 1h: bar [0] at {time} is after 9999-12-31 (open times must be between 1970-01-01 and 9999-12-31 UTC); nothing was written");
    }

    [Fact]
    public void Write_WhenAMergeWouldJoinAcrossMoreThanInt32MaxBars_RefusesAndLeavesFileByteIdentical()
    {
        var entry = _catalog.Write(Bars.Series(Timeframe.M1, 3), CatalogWriteMode.Replace);
        var before = File.ReadAllBytes(entry.FilePath);
        var farFuture = Bars.Jan2021 + ((int.MaxValue + 10L) * Timeframe.MinuteMs); // about the year 6100
        var bar = Bars.Sequence(Timeframe.M1, 1, farFuture)[0];

        var error = Should.Throw<CatalogException>(() => _catalog.Write(new BarSeries(Bars.BtcSpot, Timeframe.M1, [bar]), CatalogWriteMode.Merge));

        error.Kind.ShouldBe(CatalogErrorKind.InvalidSeries);
        error.Message.ShouldContain("follows a gap of more than 2147483647 bars");
        error.Message.ShouldEndWith("; nothing was written");
        File.ReadAllBytes(entry.FilePath).ShouldBe(before);
    }

    [Fact]
    public void Write_WhenSeriesIsEmpty_Refuses()
    {
        Should.Throw<CatalogException>(() => _catalog.Write(new BarSeries(Bars.BtcSpot, Timeframe.H1, []), CatalogWriteMode.Replace))
            .Message.ShouldBe("BINANCE:BTCUSDT 1h: the series is empty; nothing was written");
    }

    [Fact]
    public void Write_WhenCrashingBeforeCommit_LeavesOldFileByteIdenticalAndNoTemporaryFile()
    {
        var entry = _catalog.Write(Bars.Series(Timeframe.H1, 20), CatalogWriteMode.Replace);
        var before = File.ReadAllBytes(entry.FilePath);
        string? temporary = null;
        _catalog.BeforeCommit = path =>
        {
            temporary = path;
            File.Exists(path).ShouldBeTrue();
            throw new IOException("simulated crash before rename");
        };

        Should.Throw<IOException>(() => _catalog.Write(Bars.Series(Timeframe.H1, 99), CatalogWriteMode.Replace));

        File.ReadAllBytes(entry.FilePath).ShouldBe(before);
        temporary.ShouldNotBeNull();
        File.Exists(temporary).ShouldBeFalse();
        Directory.GetFiles(Path.GetDirectoryName(entry.FilePath)!).ShouldBe([entry.FilePath]);
        _catalog.Load(Bars.BtcSpot, Timeframe.H1).Count.ShouldBe(20);
    }

    [Fact]
    public void Write_MergeIntoCorruptFile_RefusesNamingTheFile()
    {
        var entry = _catalog.Write(Bars.Series(Timeframe.H1, 20), CatalogWriteMode.Replace);
        var bytes = File.ReadAllBytes(entry.FilePath);
        bytes[^20] ^= 0xFF;
        File.WriteAllBytes(entry.FilePath, bytes);

        var error = Should.Throw<CatalogException>(() => _catalog.Write(Bars.Series(Timeframe.H1, 3), CatalogWriteMode.Merge));

        error.Kind.ShouldBe(CatalogErrorKind.CorruptFile);
        error.Message.ShouldStartWith(entry.FilePath + ": catalog file fails its checksum");
        File.ReadAllBytes(entry.FilePath).ShouldBe(bytes);
    }
}
