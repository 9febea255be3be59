using System.Text.Json;
using Quorum.Core.Time;
using Quorum.Data.Catalog;
using Quorum.Data.Synthetic;
using Quorum.TestKit;

namespace Quorum.Cli.Tests;

public sealed class DataCommandTests
{
    private const string SpotBtc1h = "ohlcv/binance-spot_2020-12_2021-07_freqtrade-json/BTC_USDT-1h.json";

    [Fact]
    public void Demo_OnEmptyCatalog_GeneratesSyntheticSeriesAndVerifiesThem()
    {
        using var cli = new CliRunner();

        var result = cli.Run("demo");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain("SYNTHETIC");
        result.Output.ShouldContain("clean");
        var entries = new DataCatalog(cli.DataDirectory).List();
        entries.Count.ShouldBe((DemoDataset.Symbols.Count + DemoDataset.Perpetuals.Count) * (1 + DemoDataset.DerivedTimeframes.Count));
        entries.ShouldAllBe(e => e.IsSynthetic);
        entries.Single(e => e.Symbol == DemoDataset.Btc && e.Timeframe == Timeframe.M5).BarCount.ShouldBe(DemoDataset.BarCount);
    }

    [Fact]
    public void Synth_SameSeedTwice_WritesIdenticalFiles()
    {
        using var cli = new CliRunner();
        cli.Run("data", "synth", "--days", "3", "--timeframe", "1h").ExitCode.ShouldBe(0);
        var path = new DataCatalog(cli.DataDirectory).PathOf(DemoDataset.Eth, Timeframe.H1);
        var first = File.ReadAllBytes(path);

        cli.Run("data", "synth", "--days", "3", "--timeframe", "1h").ExitCode.ShouldBe(0);

        File.ReadAllBytes(path).ShouldBe(first);
        cli.Run("data", "synth", "--days", "3", "--timeframe", "1h", "--seed", "7").ExitCode.ShouldBe(0);
        File.ReadAllBytes(path).ShouldNotBe(first);
    }

    [Theory]
    [InlineData("--days", "0", "--days 0 is out of range")]
    [InlineData("--start", "2024/01/01", "--start '2024/01/01'")]
    [InlineData("--timeframe", "2m", "unknown timeframe '2m'")]
    public void Synth_BadOption_ExitsTwoNamingTheValue(string option, string value, string expected)
    {
        using var cli = new CliRunner();

        var result = cli.Run("data", "synth", option, value);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain(expected);
        new DataCatalog(cli.DataDirectory).List().ShouldBeEmpty();
    }

    [Fact]
    public void List_ShowsSyntheticLabelAndCatalogPath()
    {
        using var cli = new CliRunner();
        cli.Run("data", "synth", "--days", "2", "--timeframe", "1h").ExitCode.ShouldBe(0);

        var result = cli.Run("data", "list");

        result.ExitCode.ShouldBe(0);
        result.Output.ShouldContain(cli.DataDirectory);
        result.Output.ShouldContain("SYNTH:BTCUSDT");
        result.Output.ShouldContain("SYNTHETIC");
    }

    [Fact]
    public void Import_RealSpotFile_ThenCheck_ListsEachMaintenanceGap()
    {
        var file = SharedData.Require(SpotBtc1h);
        using var cli = new CliRunner();

        var import = cli.Run("data", "import", file, "--symbol", "BINANCE:BTCUSDT", "--timeframe", "1h");
        var check = cli.Run("data", "check", "--symbol", "BINANCE:BTCUSDT", "--timeframe", "1h");
        var allowed = cli.Run("data", "check", "--symbol", "BINANCE:BTCUSDT", "--timeframe", "1h", "--allow-gaps");

        import.ExitCode.ShouldBe(0, import.ToString());
        import.Output.ShouldContain("5,482");
        check.ExitCode.ShouldBe(1, "gaps are findings unless --allow-gaps");
        allowed.ExitCode.ShouldBe(0);
        foreach (var gap in new[] { "2020-12-21 15:00", "2020-12-25 02:00", "2021-02-11 04:00", "2021-03-06 02:00", "2021-04-20 02:00", "2021-04-25 05:00" })
        {
            check.Output.ShouldContain(gap);
        }
    }

    [Fact]
    public void Check_Json_IsMachineReadableAndNamesEveryGap()
    {
        var file = SharedData.Require(SpotBtc1h);
        using var cli = new CliRunner();
        cli.Run("data", "import", file, "--symbol", "BINANCE:BTCUSDT", "--timeframe", "1h").ExitCode.ShouldBe(0);
        var reportFile = Path.Combine(cli.Home, "report.json");

        var result = cli.Run("data", "check", "--symbol", "BINANCE:BTCUSDT", "--timeframe", "1h", "--json", "--output", reportFile);

        using var fromStdout = JsonDocument.Parse(result.Output);
        using var fromFile = JsonDocument.Parse(File.ReadAllText(reportFile));
        fromStdout.RootElement.GetRawText().ShouldBe(fromFile.RootElement.GetRawText());
        var json = fromStdout.RootElement.GetRawText();
        json.ShouldContain("BINANCE:BTCUSDT");
        json.ShouldContain("2021-04-25");
        fromStdout.RootElement.EnumerateObject().Any(p => p.Value.ValueKind == JsonValueKind.Array && p.Value.GetArrayLength() == 6).ShouldBeTrue("six gaps listed");
    }

    [Fact]
    public void Import_MalformedCsv_ExitsTwoNamingLineAndLeavesCatalogUnchanged()
    {
        using var cli = new CliRunner();
        var good = Path.Combine(cli.Home, "good.csv");
        File.WriteAllText(good, "Date,Open,High,Low,Close,Volume\n2021-01-01 00:00:00,10,11,9,10.5,100\n2021-01-01 01:00:00,10.5,12,10,11,120\n");
        cli.Run("data", "import", good, "--symbol", "BINANCE:BTCUSDT", "--timeframe", "1h").ExitCode.ShouldBe(0);
        var stored = File.ReadAllBytes(new DataCatalog(cli.DataDirectory).PathOf(Quorum.Core.Instruments.Symbol.Parse("BINANCE:BTCUSDT"), Timeframe.H1));
        var bad = Path.Combine(cli.Home, "bad.csv");
        File.WriteAllText(bad, "Date,Open,High,Low,Close,Volume\n2021-01-01 02:00:00,11,12,10,11.5,100\n2021-01-01 03:00:00,11.5,abc,10,11,120\n");

        var result = cli.Run("data", "import", bad, "--symbol", "BINANCE:BTCUSDT", "--timeframe", "1h");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain("bad.csv");
        result.Error.ShouldContain("abc");
        result.Error.ShouldContain("3");
        File.ReadAllBytes(new DataCatalog(cli.DataDirectory).PathOf(Quorum.Core.Instruments.Symbol.Parse("BINANCE:BTCUSDT"), Timeframe.H1)).ShouldBe(stored);
    }

    [Theory]
    [InlineData("2021-01-01 01:00:00,10,11,9,10.5,100\n2021-01-01 00:00:00,10.5,12,10,11,120\n", "")]
    [InlineData("2021-01-01 00:00:00,10,11,9,10.5,100\n2021-01-01 01:00:00,-10.5,12,10,11,120\n", "-10.5")]
    [InlineData("2021-01-01 00:00:00,10,11,9,10.5,100\n2021-01-01 01:00:00,10.5,12,10,11\n", "")]
    [InlineData("2021-01-01 00:00:00,10,11,9,10.5,100\n2021-01-01 01:00:00,NaN,12,10,11,120\n", "NaN")]
    [InlineData("2021-01-01 00:00:00,10,11,9,10.5,100\n2021-01-01 00:00:00,10,11,9,10.5,100\n", "")]
    public void Import_BadRows_ExitTwoAndStoreNothing(string rows, string expectedValue)
    {
        using var cli = new CliRunner();
        var file = Path.Combine(cli.Home, "rows.csv");
        File.WriteAllText(file, "Date,Open,High,Low,Close,Volume\n" + rows);

        var result = cli.Run("data", "import", file, "--symbol", "BINANCE:ETHUSDT.P", "--timeframe", "1h");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain("rows.csv");
        result.Error.ShouldContain(expectedValue);
        new DataCatalog(cli.DataDirectory).List().ShouldBeEmpty();
    }

    [Fact]
    public void Import_WrongTimeframe_ExitsTwoSayingWhatTheFileHolds()
    {
        var file = SharedData.Require(SpotBtc1h);
        using var cli = new CliRunner();

        var result = cli.Run("data", "import", file, "--symbol", "BINANCE:BTCUSDT", "--timeframe", "5m");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("1h");
        new DataCatalog(cli.DataDirectory).List().ShouldBeEmpty();
    }

    [Fact]
    public void Import_UnderSynthVenue_IsRefused()
    {
        var file = SharedData.Require(SpotBtc1h);
        using var cli = new CliRunner();

        var result = cli.Run("data", "import", file, "--symbol", "SYNTH:BTCUSDT", "--timeframe", "1h");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("reserved for generated data");
    }

    [Theory]
    [InlineData("--symbol", "KRAKEN:BTCUSDT", "unknown venue 'KRAKEN'")]
    [InlineData("--symbol", "BTCUSDT", "VENUE:BASEQUOTE")]
    [InlineData("--timeframe", "1M", "unknown timeframe '1M'")]
    public void Check_UnknownSymbolOrTimeframe_ExitsTwo(string option, string value, string expected)
    {
        using var cli = new CliRunner();
        var args = new List<string> { "data", "check", "--symbol", "BINANCE:BTCUSDT", "--timeframe", "1h" };
        args[args.IndexOf(option) + 1] = value;

        var result = cli.Run([.. args]);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain(expected);
    }

    [Fact]
    public void Check_SeriesNotInCatalog_ExitsTwoNamingIt()
    {
        using var cli = new CliRunner();

        var result = cli.Run("data", "check", "--symbol", "BYBIT:ETHUSDT.P", "--timeframe", "4h");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain("BYBIT:ETHUSDT.P");
    }

    [Fact]
    public void Resample_SyntheticFiveMinuteToHour_EqualsTheDemoHourSeries()
    {
        using var cli = new CliRunner();
        cli.Run("data", "synth", "--days", "5").ExitCode.ShouldBe(0);
        var catalog = new DataCatalog(cli.DataDirectory);
        var expected = catalog.Load(DemoDataset.Sol, Timeframe.H1).Span.ToArray();
        catalog.Delete(DemoDataset.Sol, Timeframe.H1).ShouldBeTrue();

        var result = cli.Run("data", "resample", "--symbol", "SYNTH:SOLUSDT", "--from", "5m", "--to", "1h");

        result.ExitCode.ShouldBe(0, result.ToString());
        catalog.Load(DemoDataset.Sol, Timeframe.H1).Span.ToArray().ShouldBe(expected);
    }

    [Fact]
    public void Resample_ToLowerTimeframe_ExitsTwo()
    {
        using var cli = new CliRunner();
        cli.Run("data", "synth", "--days", "2", "--timeframe", "1h").ExitCode.ShouldBe(0);

        var result = cli.Run("data", "resample", "--symbol", "SYNTH:BTCUSDT", "--from", "1h", "--to", "5m");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain("5m");
    }

    [Theory]
    [InlineData("binance")]
    [InlineData("ohlcv")]
    public void Export_ThenImportUnderRealVenue_GivesIdenticalBars(string format)
    {
        using var cli = new CliRunner();
        cli.Run("data", "synth", "--days", "3", "--timeframe", "15m").ExitCode.ShouldBe(0);
        var file = Path.Combine(cli.Home, $"export-{format}.csv");

        cli.Run("data", "export", "--symbol", "SYNTH:ETHUSDT", "--timeframe", "15m", "--output", file, "--format", format).ExitCode.ShouldBe(0);
        var import = cli.Run("data", "import", file, "--symbol", "BINANCE:ETHUSDT", "--timeframe", "15m");

        import.ExitCode.ShouldBe(0, import.ToString());
        var catalog = new DataCatalog(cli.DataDirectory);
        catalog.Load(Quorum.Core.Instruments.Symbol.Parse("BINANCE:ETHUSDT"), Timeframe.M15).Span.ToArray()
            .ShouldBe(catalog.Load(DemoDataset.Eth, Timeframe.M15).Span.ToArray());
    }

    [Fact]
    public void DataDirOption_WinsOverEnvironment()
    {
        using var cli = new CliRunner();
        var explicitDirectory = Path.Combine(cli.Home, "explicit");

        cli.Run("data", "synth", "--days", "1", "--timeframe", "1h", "--data-dir", explicitDirectory).ExitCode.ShouldBe(0);

        new DataCatalog(explicitDirectory).List().ShouldNotBeEmpty();
        Directory.Exists(cli.DataDirectory).ShouldBeFalse();
    }
}
