using Quorum.Core.Time;
using Quorum.Data.Catalog;
using Quorum.Data.Synthetic;

namespace Quorum.Cli.Tests;

public sealed class CorruptCatalogTests
{
    [Fact]
    public void List_WithOneCorruptFile_ShowsTheRestNamesTheFileAndExitsOne()
    {
        using var cli = new CliRunner();
        cli.Run("data", "synth", "--days", "2", "--timeframe", "1h").ExitCode.ShouldBe(0);
        var corrupt = new DataCatalog(cli.DataDirectory).PathOf(DemoDataset.Eth, Timeframe.H4);
        File.WriteAllBytes(corrupt, File.ReadAllBytes(corrupt)[..20]);

        var result = cli.Run("data", "list");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Output.ShouldContain("unreadable catalog file");
        result.Output.ShouldContain(Path.Combine("ETHUSDT", "4h.qbars"));
        result.Output.ShouldContain("SYNTH:BTCUSDT");
        result.Output.ShouldContain("SYNTH:SOLUSDT");
    }

    [Fact]
    public void CheckWholeCatalog_WithOneCorruptFile_ChecksTheRestAndExitsOne()
    {
        using var cli = new CliRunner();
        cli.Run("data", "synth", "--days", "2", "--timeframe", "1h").ExitCode.ShouldBe(0);
        var corrupt = new DataCatalog(cli.DataDirectory).PathOf(DemoDataset.Sol, Timeframe.D1);
        File.WriteAllBytes(corrupt, new byte[64]);

        var result = cli.Run("data", "check");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Output.ShouldContain(Path.Combine("SOLUSDT", "1d.qbars"));
        result.Output.ShouldContain("SYNTH:BTCUSDT 1h");
    }

    [Fact]
    public void CheckOneSeries_UnrelatedCorruptFile_DoesNotFailIt()
    {
        using var cli = new CliRunner();
        cli.Run("data", "synth", "--days", "2", "--timeframe", "1h").ExitCode.ShouldBe(0);
        File.WriteAllBytes(new DataCatalog(cli.DataDirectory).PathOf(DemoDataset.Sol, Timeframe.D1), new byte[64]);

        var result = cli.Run("data", "check", "--symbol", "SYNTH:BTCUSDT", "--timeframe", "1h");

        result.ExitCode.ShouldBe(0, result.ToString());
    }

    [Fact]
    public void CheckOneSeries_ItsFileCorrupt_ExitsOneNamingTheFile()
    {
        using var cli = new CliRunner();
        cli.Run("data", "synth", "--days", "2", "--timeframe", "1h").ExitCode.ShouldBe(0);
        File.WriteAllBytes(new DataCatalog(cli.DataDirectory).PathOf(DemoDataset.Btc, Timeframe.H1), new byte[64]);

        var result = cli.Run("data", "check", "--symbol", "SYNTH:BTCUSDT", "--timeframe", "1h");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Error.ShouldContain(Path.Combine("BTCUSDT", "1h.qbars"));
    }
}
