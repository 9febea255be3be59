using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Catalog;
using Quorum.Data.Import;
using Quorum.Data.Integrity;
using Quorum.Data.Readers;
using Quorum.Data.Tests.Readers;
using Quorum.TestKit;

namespace Quorum.Data.Tests.Import;

public sealed class DataImporterTests : IDisposable
{
    private const string Header = "Date,Open,High,Low,Close,Volume";

    /// <summary>2024-01-01 00:00 UTC.</summary>
    private const long Jan2024 = 1_704_067_200_000;

    private static readonly Symbol BtcPerp = Symbol.Parse("BINANCE:BTCUSDT.P");

    private readonly TempDirectory _directory = new();
    private readonly DataCatalog _catalog;
    private readonly DataImporter _importer;

    public DataImporterTests()
    {
        _catalog = new DataCatalog(_directory.Combine("catalog"));
        _importer = new DataImporter(_catalog);
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Import_BinanceKlineCsv_StoresTheBarsAndSaysWhatItRead()
    {
        var path = Write("BTCUSDT-1h.csv",
            "1704067200000,42314.0,42603.2,42289.6,42503.5,8459.477,1704070799999,0,0,0,0,0",
            "1704070800000,42503.5,42661.0,42422.8,42584.3,6432.11,1704074399999,0,0,0,0,0");

        var result = _importer.Import(path, BtcPerp, Timeframe.H1, CatalogWriteMode.Merge);

        result.Read.DetectedFormat.ShouldBe(BarFileFormat.BinanceKlineCsv);
        result.Read.RowCount.ShouldBe(2);
        result.Report.IsClean.ShouldBeTrue();
        result.Entry.ShouldBe(_catalog.GetEntry(BtcPerp, Timeframe.H1));
        result.Entry.FilePath.ShouldBe(Path.Combine(_catalog.RootDirectory, "BINANCE", "BTCUSDT.P", "1h.qbars"));
        _catalog.Load(BtcPerp, Timeframe.H1).Span.ToArray().ShouldBe([
            new Bar(1_704_067_200_000, 42314.0m, 42603.2m, 42289.6m, 42503.5m, 8459.477m),
            new Bar(1_704_070_800_000, 42503.5m, 42661.0m, 42422.8m, 42584.3m, 6432.11m),
        ]);
    }

    [Fact]
    public void Import_WithGaps_StoresTheBarsAndReportsEachGap()
    {
        var path = Write("gappy.csv", Header, Row("00:00"), Row("01:00"), Row("04:00"), Row("05:00"));

        var result = _importer.Import(path, BtcPerp, Timeframe.H1, CatalogWriteMode.Merge);

        result.Report.HasErrors.ShouldBeFalse();
        result.Report.GapCount.ShouldBe(1);
        result.Report.MissingBarCount.ShouldBe(2);
        result.Entry.BarCount.ShouldBe(4);
    }

    [Fact]
    public void Import_Merge_JoinsTheFileWithWhatIsStored()
    {
        _importer.Import(Write("a.csv", Header, Row("00:00"), Row("01:00")), BtcPerp, Timeframe.H1, CatalogWriteMode.Merge);

        var result = _importer.Import(Write("b.csv", Header, Row("01:00"), Row("02:00")), BtcPerp, Timeframe.H1, CatalogWriteMode.Merge);

        result.Entry.BarCount.ShouldBe(3);
        _catalog.Load(BtcPerp, Timeframe.H1).Span.ToArray().Select(b => b.OpenTimeMs).ShouldBe([Jan2024, Jan2024 + Timeframe.HourMs, Jan2024 + (2 * Timeframe.HourMs)]);
    }

    [Fact]
    public void Import_Replace_DropsWhatWasStored()
    {
        _importer.Import(Write("a.csv", Header, Row("00:00"), Row("01:00")), BtcPerp, Timeframe.H1, CatalogWriteMode.Merge);

        var result = _importer.Import(Write("b.csv", Header, Row("05:00")), BtcPerp, Timeframe.H1, CatalogWriteMode.Replace);

        result.Entry.BarCount.ShouldBe(1);
        _catalog.Load(BtcPerp, Timeframe.H1).Span.ToArray().ShouldHaveSingleItem().OpenTimeMs.ShouldBe(Jan2024 + (5 * Timeframe.HourMs));
    }

    [Fact]
    public void Import_ReportsProgressFromZeroToOneInOrder()
    {
        var reported = new List<double>();

        _importer.Import(Write("a.csv", Header, Row("00:00"), Row("01:00")), BtcPerp, Timeframe.H1, CatalogWriteMode.Merge, new SynchronousProgress(reported.Add));

        reported[0].ShouldBe(0.0);
        reported[^1].ShouldBe(1.0);
        reported.ShouldBe(reported.Order().ToList());
    }

    [Fact]
    public void Import_WhenVenueIsSynthetic_RefusesAndLeavesCatalogUnchanged()
    {
        var before = SeedCatalog();
        var path = Write("a.csv", Header, Row("00:00"));

        var error = Should.Throw<DataImportException>(() => _importer.Import(path, Symbol.Parse("SYNTH:BTCUSDT"), Timeframe.H1, CatalogWriteMode.Merge));

        error.Message.ShouldBe(
            "symbol SYNTH:BTCUSDT: the SYNTH venue is reserved for generated data (use 'quorum data synth'); import real data under BINANCE or BYBIT");
        Snapshot().ShouldBe(before);
    }

    [Fact]
    public void Import_WhenFileDoesNotExist_ThrowsNamingItAndLeavesCatalogUnchanged()
    {
        var before = SeedCatalog();
        var path = _directory.Combine("missing.csv");

        var error = Should.Throw<FileNotFoundException>(() => _importer.Import(path, BtcPerp, Timeframe.H1, CatalogWriteMode.Merge));

        error.Message.ShouldBe($"file to import not found: {path}");
        error.FileName.ShouldBe(path);
        Snapshot().ShouldBe(before);
    }

    [Fact]
    public void Import_WhenARowIsMalformed_ThrowsNamingLineColumnAndValueAndLeavesCatalogUnchanged()
    {
        var before = SeedCatalog();
        var path = Write("bad.csv", Header, Row("00:00"), "2024-01-01 01:00:00,1,NaN,0.5,1.5,10");

        var error = Should.Throw<DataFormatException>(() => _importer.Import(path, BtcPerp, Timeframe.H1, CatalogWriteMode.Merge));

        error.Message.ShouldStartWith($"{path}: line 3, column 3 (High): value 'NaN' is not a finite number");
        Snapshot().ShouldBe(before);
    }

    [Fact]
    public void Import_WhenRowsAreUnsorted_ThrowsNamingBothRowsAndLeavesCatalogUnchanged()
    {
        var before = SeedCatalog();
        var path = Write("unsorted.csv", Header, Row("01:00"), Row("00:00"));

        var error = Should.Throw<DataFormatException>(() => _importer.Import(path, BtcPerp, Timeframe.H1, CatalogWriteMode.Merge));

        error.Message.ShouldContain("line 3, column 1 (Date): open time 2024-01-01 00:00:00 UTC (1704067200000) is before 2024-01-01 01:00:00 UTC (1704070800000) on line 2");
        Snapshot().ShouldBe(before);
    }

    [Fact]
    public void Import_WhenBarsAreFartherApartThanTheTimeframe_RefusesNamingBothAndLeavesCatalogUnchanged()
    {
        var before = SeedCatalog();
        var path = Write("hourly.csv", Header, Row("00:00"), Row("01:00"), Row("02:00"));

        var error = Should.Throw<DataImportException>(() => _importer.Import(path, BtcPerp, Timeframe.M1, CatalogWriteMode.Merge));

        error.Message.ShouldBe(
            $"{path}: bars are 1h apart but --timeframe is 1m; import it with --timeframe 1h (or resample after import); the catalog is unchanged");
        Snapshot().ShouldBe(before);
    }

    [Fact]
    public void Import_WhenBarsAreCloserThanTheTimeframe_RefusesTheMisalignedRowAndLeavesCatalogUnchanged()
    {
        var before = SeedCatalog();
        var path = Write("five-minute.csv", Header, Row("00:00"), Row("00:05"));

        var error = Should.Throw<DataFormatException>(() => _importer.Import(path, BtcPerp, Timeframe.H1, CatalogWriteMode.Merge));

        error.Message.ShouldContain("line 3, column 1 (Date): open time 2024-01-01 00:05:00 UTC (1704067500000) is not aligned to the 1h timeframe");
        Snapshot().ShouldBe(before);
    }

    [Fact]
    public void Import_WhenOhlcIsInconsistent_RefusesWithTheIntegrityReportAndLeavesCatalogUnchanged()
    {
        var before = SeedCatalog();

        // The reader accepts open above high (only high < low cannot be a bar); the integrity checker refuses it.
        var path = Write("ohlc.csv", Header, Row("00:00"), "2024-01-01 01:00:00,3,2,0.5,1.5,10");

        var error = Should.Throw<DataImportException>(() => _importer.Import(path, BtcPerp, Timeframe.H1, CatalogWriteMode.Merge));

        error.Message.ShouldStartWith($"{path}: refused, the data has 1 integrity error(s); the catalog is unchanged.");
        error.Message.ShouldContain("index 1");
        Snapshot().ShouldBe(before);
    }

    [Fact]
    public void Import_WhenMergeConflictsWithAStoredBar_RefusesAndLeavesCatalogUnchanged()
    {
        _importer.Import(Write("a.csv", Header, Row("00:00"), Row("01:00")), BtcPerp, Timeframe.H1, CatalogWriteMode.Merge);
        var before = Snapshot();
        var path = Write("b.csv", Header, "2024-01-01 01:00:00,1,2,0.5,1.25,10");

        var error = Should.Throw<CatalogException>(() => _importer.Import(path, BtcPerp, Timeframe.H1, CatalogWriteMode.Merge));

        error.Kind.ShouldBe(CatalogErrorKind.MergeConflict);
        error.Message.ShouldContain("merge conflict at 2024-01-01 01:00:00 UTC (1704070800000)");
        Snapshot().ShouldBe(before);
    }

    [Fact]
    public void Import_WhenMergingIntoACorruptFile_RefusesNamingItAndLeavesCatalogUnchanged()
    {
        var entry = _importer.Import(Write("a.csv", Header, Row("00:00"), Row("01:00")), BtcPerp, Timeframe.H1, CatalogWriteMode.Merge).Entry;
        var bytes = File.ReadAllBytes(entry.FilePath);
        bytes[^9] ^= 0x40;
        File.WriteAllBytes(entry.FilePath, bytes);
        var before = Snapshot();

        var error = Should.Throw<CatalogException>(() =>
            _importer.Import(Write("b.csv", Header, Row("02:00")), BtcPerp, Timeframe.H1, CatalogWriteMode.Merge));

        error.Kind.ShouldBe(CatalogErrorKind.CorruptFile);
        error.Message.ShouldStartWith($"{entry.FilePath}: catalog file fails its checksum");
        Snapshot().ShouldBe(before);
    }

    [Fact]
    public void Import_WhenArgumentsAreDefaults_ThrowsBeforeReadingAndLeavesCatalogUnchanged()
    {
        var before = SeedCatalog();
        var path = _directory.Combine("never-read.csv");

        Should.Throw<ArgumentException>(() => _importer.Import(path, default, Timeframe.H1, CatalogWriteMode.Merge)).ParamName.ShouldBe("symbol");
        Should.Throw<ArgumentException>(() => _importer.Import(path, BtcPerp, default, CatalogWriteMode.Merge)).ParamName.ShouldBe("timeframe");
        Should.Throw<ArgumentOutOfRangeException>(() => _importer.Import(path, BtcPerp, Timeframe.H1, (CatalogWriteMode)7)).ParamName.ShouldBe("mode");
        Should.Throw<ArgumentException>(() => _importer.Import(" ", BtcPerp, Timeframe.H1, CatalogWriteMode.Merge)).ParamName.ShouldBe("path");
        Snapshot().ShouldBe(before);
    }

    [Fact]
    public void Constructor_WhenCatalogIsNull_Throws()
    {
        Should.Throw<ArgumentNullException>(() => new DataImporter(null!)).ParamName.ShouldBe("catalog");
    }

    [Fact]
    public void Import_RealSpotHourlyFreqtradeJson_StoresEveryBarAndReportsTheSixMaintenanceGaps()
    {
        var path = SharedData.Require("ohlcv/binance-spot_2020-12_2021-07_freqtrade-json/BTC_USDT-1h.json");
        var spot = Symbol.Parse("BINANCE:BTCUSDT");

        var result = _importer.Import(path, spot, Timeframe.H1, CatalogWriteMode.Merge);

        result.Read.DetectedFormat.ShouldBe(BarFileFormat.FreqtradeJson);
        result.Entry.BarCount.ShouldBe(5_482);
        result.Report.IssueCounts.Keys.ShouldBe([IntegrityIssueKind.Gap]);
        result.Report.GapCount.ShouldBe(6);
        _catalog.Load(spot, Timeframe.H1).Span.ToArray().ShouldBe(BarFileReader.Read(path).Bars);
    }

    [Fact]
    public void Import_RealPerpHourlyCsv_StoresEveryBarUnderThePerpetualPathWithNoGaps()
    {
        var path = SharedData.Require("ohlcv/binance-usdm-perp_2020-2024/BTCUSDT_1h.csv");

        var result = _importer.Import(path, BtcPerp, Timeframe.H1, CatalogWriteMode.Replace);

        result.Report.IsClean.ShouldBeTrue();
        result.Entry.BarCount.ShouldBe(37_660);
        result.Entry.FilePath.ShouldBe(Path.Combine(_catalog.RootDirectory, "BINANCE", "BTCUSDT.P", "1h.qbars"));
    }

    [Fact]
    public void Import_RealPerpHourlyCsvDeclaredAsFourHours_RefusesAndLeavesCatalogUnchanged()
    {
        var path = SharedData.Require("ohlcv/binance-usdm-perp_2020-2024/BTCUSDT_1h.csv");
        var before = SeedCatalog();

        var error = Should.Throw<DataFormatException>(() => _importer.Import(path, BtcPerp, Timeframe.H4, CatalogWriteMode.Merge));

        error.Message.ShouldContain("line 3, column 1 (Date): open time 2020-01-01 01:00:00 UTC (1577840400000) is not aligned to the 4h timeframe");
        Snapshot().ShouldBe(before);
    }

    /// <summary>A sane row at 2024-01-01 <paramref name="time"/> (HH:mm).</summary>
    private static string Row(string time) => $"2024-01-01 {time}:00,1,2,0.5,1.5,10";

    private string Write(string name, params string[] lines) => SampleFiles.Write(_directory, name, SampleFiles.Lines(lines));

    /// <summary>Stores two series, so that a refusal has something to leave alone; returns the catalog's snapshot.</summary>
    private SortedDictionary<string, string> SeedCatalog()
    {
        _catalog.Write(Bars.Series(Timeframe.H1, 24, BtcPerp), CatalogWriteMode.Replace);
        _catalog.Write(Bars.Series(Timeframe.D1, 3), CatalogWriteMode.Replace);
        return Snapshot();
    }

    /// <summary>Every folder and file under the catalog root, with each file's content hash.</summary>
    private SortedDictionary<string, string> Snapshot()
    {
        var snapshot = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (Directory.Exists(_catalog.RootDirectory))
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(_catalog.RootDirectory, "*", SearchOption.AllDirectories))
            {
                snapshot[Path.GetRelativePath(_catalog.RootDirectory, entry)] =
                    File.Exists(entry) ? Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(entry))) : "<dir>";
            }
        }

        return snapshot;
    }

    /// <summary>Reports on the calling thread (<see cref="Progress{T}"/> would post to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
