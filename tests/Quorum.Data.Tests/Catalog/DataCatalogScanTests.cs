using Quorum.Core.Instruments;
using Quorum.Core.Time;
using Quorum.Data.Catalog;
using Quorum.TestKit;

namespace Quorum.Data.Tests.Catalog;

public sealed class DataCatalogScanTests
{
    [Fact]
    public void Scan_WithACorruptFile_ReturnsTheReadableEntriesAndNamesTheBadFile()
    {
        using var temp = new TempDirectory();
        var catalog = new DataCatalog(temp.Path);
        var eth = Symbol.Parse("BINANCE:ETHUSDT.P");
        catalog.Write(Bars.Series(Timeframe.H1, 50), CatalogWriteMode.Replace);
        catalog.Write(Bars.Series(Timeframe.H1, 30, eth), CatalogWriteMode.Replace);
        var damaged = catalog.PathOf(eth, Timeframe.H1);
        File.WriteAllBytes(damaged, File.ReadAllBytes(damaged)[..16]);

        var scan = catalog.Scan();

        scan.Entries.Select(e => e.Symbol).ShouldBe([Bars.BtcSpot]);
        scan.Unreadable.Count.ShouldBe(1);
        scan.Unreadable[0].Kind.ShouldBe(CatalogErrorKind.CorruptFile);
        scan.Unreadable[0].Message.ShouldContain(damaged);
        Should.Throw<CatalogException>(catalog.List).Message.ShouldContain(damaged);
    }

    [Fact]
    public void Scan_HealthyCatalog_MatchesList()
    {
        using var temp = new TempDirectory();
        var catalog = new DataCatalog(temp.Path);
        catalog.Write(Bars.Series(Timeframe.M5, 20), CatalogWriteMode.Replace);
        catalog.Write(Bars.Series(Timeframe.H1, 20), CatalogWriteMode.Replace);

        var scan = catalog.Scan();

        scan.Unreadable.ShouldBeEmpty();
        scan.Entries.ShouldBe(catalog.List());
    }
}
