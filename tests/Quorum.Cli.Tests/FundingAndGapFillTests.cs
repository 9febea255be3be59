using Quorum.Core.Instruments;
using Quorum.Core.Time;
using Quorum.Data.Catalog;
using Quorum.Data.Readers;
using Quorum.TestKit;

namespace Quorum.Cli.Tests;

public sealed class FundingAndGapFillTests
{
    private const string BinanceBtcFunding = "funding/BTC-USDT_binance_2020-01-01_2024-01-01_funding_history.csv";

    [Fact]
    public void Funding_FetcherCsv_IsSummarisedInUtcAndWrittenBackReadable()
    {
        var file = SharedData.Require(BinanceBtcFunding);
        using var cli = new CliRunner();
        var output = Path.Combine(cli.Home, "funding-utc.csv");
        var symbol = Symbol.Parse("BINANCE:BTCUSDT.P");

        var result = cli.Run("data", "funding", file, "--symbol", symbol.ToString(), "--output", output);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain("4,383");
        result.Output.ShouldContain("2020-01-01 00:00", customMessage: "03:00 UTC+3 is 00:00 UTC");
        result.Output.ShouldContain("8 h");
        var original = FundingFileReader.Read(file, symbol);
        var roundTrip = FundingFileReader.Read(output, symbol);
        roundTrip.ShouldBe(original);
        roundTrip.ShouldContain(r => r.FundingTimeMs == 1_673_136_000_015 && r.Rate == 0.00005657m);
    }

    [Fact]
    public void Funding_SpotSymbol_ExitsTwo()
    {
        var file = SharedData.Require(BinanceBtcFunding);
        using var cli = new CliRunner();

        var result = cli.Run("data", "funding", file, "--symbol", "BINANCE:BTCUSDT");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("perpetual");
    }

    [Fact]
    public void Funding_WrongPairInFile_ExitsTwo()
    {
        var file = SharedData.Require(BinanceBtcFunding);
        using var cli = new CliRunner();

        var result = cli.Run("data", "funding", file, "--symbol", "BINANCE:ETHUSDT.P");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain("BTC-USDT");
    }

    [Theory]
    [InlineData("backtest")]
    [InlineData("live")]
    public void ExportFillGaps_OutsidePaperMode_IsRefused(string mode)
    {
        var file = SharedData.Require("ohlcv/binance-spot_2020-12_2021-07_freqtrade-json/ETH_USDT-1h.json");
        using var cli = new CliRunner();
        cli.Run("data", "import", file, "--symbol", "BINANCE:ETHUSDT", "--timeframe", "1h").ExitCode.ShouldBe(0);
        var output = Path.Combine(cli.Home, "filled.csv");

        var result = cli.Run("data", "export", "--symbol", "BINANCE:ETHUSDT", "--timeframe", "1h", "--output", output, "--fill-gaps", "--mode", mode);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain("only allowed in paper mode");
        File.Exists(output).ShouldBeFalse();
    }

    [Fact]
    public void ExportFillGaps_InPaperMode_WritesAGapFreeFileAndLeavesCatalogAlone()
    {
        var file = SharedData.Require("ohlcv/binance-spot_2020-12_2021-07_freqtrade-json/ETH_USDT-1h.json");
        using var cli = new CliRunner();
        cli.Run("data", "import", file, "--symbol", "BINANCE:ETHUSDT", "--timeframe", "1h").ExitCode.ShouldBe(0);
        var catalog = new DataCatalog(cli.DataDirectory);
        var symbol = Symbol.Parse("BINANCE:ETHUSDT");
        var stored = catalog.Load(symbol, Timeframe.H1);
        var output = Path.Combine(cli.Home, "filled.csv");

        var result = cli.Run("data", "export", "--symbol", "BINANCE:ETHUSDT", "--timeframe", "1h", "--output", output, "--fill-gaps", "--mode", "paper");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain("11 gap-fill bar(s) in 6 gap(s)");
        var filled = BarFileReader.Read(output, Timeframe.H1).Bars;
        filled.Length.ShouldBe(stored.Count + 11);
        for (var i = 1; i < filled.Length; i++)
        {
            (filled[i].OpenTimeMs - filled[i - 1].OpenTimeMs).ShouldBe(Timeframe.HourMs);
        }

        catalog.Load(symbol, Timeframe.H1).Count.ShouldBe(stored.Count);
    }
}
