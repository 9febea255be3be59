using System.Text.Json;
using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Catalog;
using Quorum.TestKit;

namespace Quorum.Cli.Tests;

public sealed class BacktestCommandTests
{
    private const long Start = 1_609_459_200_000; // 2021-01-01 00:00 UTC

    [Fact]
    public void Backtest_OnImportedData_WritesTheThreeFilesAndPrintsTheSummary()
    {
        using var cli = WithData();
        var output = Path.Combine(cli.Home, "out");

        var result = cli.Run("backtest", "--strategy", "ema_cross", "--symbol", "BINANCE:BTCUSDT", "--timeframe", "1h",
            "--param", "fast=5", "--param", "slow=20", "--fee-bps", "7.5", "--slippage-bps", "1", "--capital", "5000", "--out", output);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain("overall");
        result.Output.ShouldContain("strategy ema_cross");
        result.Output.ShouldContain("symbol BINANCE:BTCUSDT");
        result.Output.ShouldContain("order_list_hash");
        File.Exists(Path.Combine(output, "trades.csv")).ShouldBeTrue();
        File.ReadAllText(Path.Combine(output, "report.html")).ShouldContain("window.LightweightCharts=");
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "result.json")));
        var run = json.RootElement.GetProperty("run");
        run.GetProperty("parameters").GetProperty("fast").GetDouble().ShouldBe(5);
        run.GetProperty("fee_bps").GetDecimal().ShouldBe(7.5m);
        run.GetProperty("initial_capital").GetDecimal().ShouldBe(5000m);
        json.RootElement.GetProperty("trades").GetInt32().ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Backtest_WithoutOptions_GeneratesTheDemoAndRunsEmaCrossOnSynthBtc1h()
    {
        using var cli = new CliRunner(); // empty catalog
        var output = Path.Combine(cli.Home, "out");

        var result = cli.Run("backtest", "--out", output);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain("SYNTHETIC data");
        File.Exists(Path.Combine(cli.DataDirectory, "SYNTH", "BTCUSDT", "1h.qbars")).ShouldBeTrue();
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "result.json")));
        var run = json.RootElement.GetProperty("run");
        run.GetProperty("strategy").GetString().ShouldBe("ema_cross");
        run.GetProperty("symbols")[0].GetString().ShouldBe("SYNTH:BTCUSDT");
        run.GetProperty("timeframe").GetString().ShouldBe("1h");
        run.GetProperty("synthetic_data").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public void Backtest_EventLoopEngine_WritesTheSameResultJsonAndTradesCsvAsTheDefaultEngine()
    {
        using var cli = WithData();
        string[] common = ["backtest", "--symbol", "BINANCE:BTCUSDT", "--symbol", "BINANCE:ETHUSDT", "--param", "fast=3", "--param", "slow=8"];

        var backtest = cli.Run([.. common, "--out", Path.Combine(cli.Home, "backtest")]);
        var paper = cli.Run([.. common, "--engine", "event-loop", "--out", Path.Combine(cli.Home, "paper")]);

        backtest.ExitCode.ShouldBe(0, backtest.ToString());
        paper.ExitCode.ShouldBe(0, paper.ToString());
        paper.Output.ShouldContain("(event-loop engine)");
        var resultJson = File.ReadAllText(Path.Combine(cli.Home, "backtest", "result.json"));
        resultJson.ShouldContain("\"order_list_hash\"");
        File.ReadAllText(Path.Combine(cli.Home, "paper", "result.json")).ShouldBe(resultJson);
        File.ReadAllText(Path.Combine(cli.Home, "paper", "trades.csv")).ShouldBe(File.ReadAllText(Path.Combine(cli.Home, "backtest", "trades.csv")));
    }

    [Fact]
    public void Backtest_TwoSymbolsAndADateRange_RunsBoth()
    {
        using var cli = WithData();
        var output = Path.Combine(cli.Home, "out");

        var result = cli.Run("backtest", "--strategy", "buy_and_hold", "--symbol", "BINANCE:BTCUSDT", "--symbol", "BINANCE:ETHUSDT",
            "--from", "2021-01-05", "--to", "2021-01-20", "--out", output);

        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "result.json")));
        json.RootElement.GetProperty("trades").GetInt32().ShouldBe(2);
        json.RootElement.GetProperty("run").GetProperty("data_from").GetString().ShouldBe("2021-01-05T00:00:00Z");
        json.RootElement.GetProperty("by_symbol").EnumerateObject().Select(p => p.Name).ShouldBe(["BINANCE:BTCUSDT", "BINANCE:ETHUSDT"]);
    }

    [Fact]
    public void Backtest_PerpetualWithAFundingFile_SettlesFunding()
    {
        using var cli = WithData();
        new DataCatalog(cli.DataDirectory).Write(new BarSeries(Symbol.Parse("BINANCE:BTCUSDT.P"), Timeframe.H1, Wave(800, 30_000m)), CatalogWriteMode.Replace);
        var funding = Path.Combine(cli.Home, "funding.csv");
        // fundingTime (UTC ms), fundingRate: every 8 h over the 800 hourly bars.
        File.WriteAllLines(funding, ["fundingTime,fundingRate", .. Enumerable.Range(1, 99).Select(i => $"{Start + (i * 8 * Timeframe.HourMs)},0.0001")]);
        var output = Path.Combine(cli.Home, "out");

        var result = cli.Run("backtest", "--symbol", "BINANCE:BTCUSDT.P", "--param", "fast=5", "--param", "slow=20", "--funding", funding, "--out", output);

        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "result.json")));
        json.RootElement.GetProperty("run").GetProperty("funding_events").GetInt32().ShouldBe(99);
        json.RootElement.GetProperty("funding").GetDecimal().ShouldBeLessThan(0m);
    }

    [Fact]
    public void Backtest_FundingForASpotRun_ExitsTwo()
    {
        using var cli = WithData();
        var funding = Path.Combine(cli.Home, "funding.csv");
        File.WriteAllLines(funding, ["fundingTime,fundingRate", $"{Start + Timeframe.HourMs},0.0001"]);

        var result = cli.Run("backtest", "--symbol", "BINANCE:BTCUSDT", "--funding", funding, "--out", Path.Combine(cli.Home, "out"));

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain("say which perpetual it is for (SYMBOL=FILE); the run has 0 perpetual symbols");
    }

    [Theory]
    [InlineData("unknown strategy 'sma' (allowed: ", "--strategy", "sma")]
    [InlineData("--governance nope.yaml: no such file", "--governance", "nope.yaml")]
    [InlineData("strategy ema_cross has no parameter 'fats'", "--param", "fats=3")]
    [InlineData("strategy ema_cross: fast = 0 is out of range (integer 1 ≤ x ≤ 1000)", "--param", "fast=0")]
    [InlineData("--from 2021-02-01T00:00:00Z is not before --to 2021-01-01T00:00:00Z", "--from", "2021-02-01", "--to", "2021-01-01")]
    [InlineData("--from 'yesterday' is not a UTC time", "--from", "yesterday")]
    [InlineData("--fee-bps -1 is out of range (0 ≤ bps ≤ 1000)", "--fee-bps", "-1")]
    [InlineData("--capital 0 is out of range", "--capital", "0")]
    [InlineData("--symbol 'BTCUSDT'", "--symbol", "BTCUSDT")]
    [InlineData("BINANCE:BTCUSDT 4h is not in the", "--timeframe", "4h")]
    [InlineData("unknown timeframe '7m'", "--timeframe", "7m")]
    [InlineData("--engine warp is not known (allowed: backtest, event-loop)", "--engine", "warp")]
    [InlineData("--maker-bps -2 is out of range (0 ≤ bps ≤ 1000)", "--maker-bps", "-2")]
    [InlineData("--taker-bps 1500 is out of range (0 ≤ bps ≤ 1000)", "--taker-bps", "1500")]
    [InlineData("--slippage-impact 11 is out of range (0 ≤ k ≤ 10", "--slippage-impact", "11")]
    [InlineData("--half-spread-bps -1 is out of range (0 ≤ bps ≤ 1000)", "--half-spread-bps", "-1")]
    [InlineData("--intrabar-path zigzag is not known (allowed: conservative, ohlc, olhc, bar-direction)", "--intrabar-path", "zigzag")]
    [InlineData("--limit-fill maybe is not known (allowed: through, touch)", "--limit-fill", "maybe")]
    [InlineData("--participation-cap 0 is out of range (0 < share of the bar's volume ≤ 1, or none)", "--participation-cap", "0")]
    [InlineData("--participation-cap half is not a number", "--participation-cap", "half")]
    [InlineData("--leverage 2 applies to perpetual symbols (VENUE:PAIR.P); none of BINANCE:BTCUSDT is one", "--leverage", "2")]
    [InlineData("--max-child-qty 0 is out of range (> 0)", "--max-child-qty", "0")]
    [InlineData("--max-child-notional -5 is out of range (> 0)", "--max-child-notional", "-5")]
    [InlineData("--post-only-retries 2 needs --post-only", "--post-only-retries", "2")]
    [InlineData("--post-only-retries 101 is out of range (0 ≤ retries ≤ 100)", "--post-only", "--post-only-retries", "101")]
    [InlineData("--break-even-r 0 is out of range (0 < R ≤ 100)", "--break-even-r", "0")]
    [InlineData("--brackets loose is not known (allowed: native, emulated)", "--brackets", "loose")]
    public void Backtest_BadInput_ExitsTwoNamingTheValue(string expected, params string[] arguments)
    {
        using var cli = WithData();
        string[] args = ["backtest", "--symbol", "BINANCE:BTCUSDT", "--out", Path.Combine(cli.Home, "out"), .. arguments];
        if (arguments.Contains("--symbol"))
        {
            args = ["backtest", "--out", Path.Combine(cli.Home, "out"), .. arguments];
        }

        var result = cli.Run(args);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain(expected);
        File.Exists(Path.Combine(cli.Home, "out", "result.json")).ShouldBeFalse();
    }

    [Fact]
    public void Backtest_ExchangeOptions_ReachTheExchangeAndAreWrittenToResultJson()
    {
        using var cli = WithData();
        string[] common = ["backtest", "--symbol", "BINANCE:BTCUSDT", "--param", "fast=5", "--param", "slow=20"];

        var venue = cli.Run([.. common, "--out", Path.Combine(cli.Home, "venue")]);
        var free = cli.Run([.. common, "--maker-bps", "0", "--taker-bps", "0", "--intrabar-path", "ohlc", "--limit-fill", "touch",
            "--participation-cap", "none", "--slippage-impact", "0.2", "--half-spread-bps", "1.5", "--out", Path.Combine(cli.Home, "free")]);

        venue.ExitCode.ShouldBe(0, venue.ToString());
        free.ExitCode.ShouldBe(0, free.ToString());
        using var venueJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(cli.Home, "venue", "result.json")));
        using var freeJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(cli.Home, "free", "result.json")));
        venueJson.RootElement.GetProperty("trades").GetInt32().ShouldBeGreaterThan(0);
        venueJson.RootElement.GetProperty("fees").GetDecimal().ShouldBeGreaterThan(0m);
        freeJson.RootElement.GetProperty("fees").GetDecimal().ShouldBe(0m);
        var defaults = venueJson.RootElement.GetProperty("run");
        defaults.GetProperty("intrabar_path").GetString().ShouldBe("conservative");
        defaults.GetProperty("limit_fills_on_touch").GetBoolean().ShouldBeFalse();
        defaults.GetProperty("participation_cap").GetDecimal().ShouldBe(1m);
        defaults.GetProperty("leverage").GetInt32().ShouldBe(1);
        var run = freeJson.RootElement.GetProperty("run");
        run.GetProperty("maker_fee_bps").GetDecimal().ShouldBe(0m);
        run.GetProperty("taker_fee_bps").GetDecimal().ShouldBe(0m);
        run.GetProperty("fees_model").GetString().ShouldBe("maker 0 bps, taker 0 bps");
        run.GetProperty("slippage_model").GetString().ShouldBe("0 bps fixed + 0.2 × (high − low)/open × √(quantity/volume), half-spread 1.5 bps");
        run.GetProperty("intrabar_path").GetString().ShouldBe("ohlc");
        run.GetProperty("limit_fills_on_touch").GetBoolean().ShouldBeTrue();
        run.GetProperty("participation_cap").ValueKind.ShouldBe(JsonValueKind.Null);
        File.ReadAllText(Path.Combine(cli.Home, "free", "report.html")).ShouldContain("intrabar path ohlc; limits fill on touch; no volume cap; perpetual leverage 1");
    }

    [Fact]
    public void Backtest_OmsOptions_SliceEmulateAndMoveToBreakEven()
    {
        using var cli = WithData();
        string[] common = ["backtest", "--symbol", "BINANCE:BTCUSDT", "--param", "fast=5", "--param", "slow=20"];
        JsonElement Run(string name, params string[] extra)
        {
            var result = cli.Run([.. common, .. extra, "--out", Path.Combine(cli.Home, name)]);
            result.ExitCode.ShouldBe(0, result.ToString());
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(cli.Home, name, "result.json")));
            return json.RootElement.Clone();
        }

        var plain = Run("plain");
        var sliced = Run("sliced", "--max-child-qty", "0.001");
        var emulated = Run("emulated", "--brackets", "emulated");
        var breakEven = Run("break-even", "--break-even-r", "0.5");

        plain.GetProperty("trades").GetInt32().ShouldBeGreaterThan(0);
        plain.GetProperty("run").GetProperty("brackets").GetString().ShouldBe("native");
        plain.GetProperty("run").GetProperty("max_child_quantity").ValueKind.ShouldBe(JsonValueKind.Null);
        // Sliced: each entry goes out as children of 0.001 one after another (e1, e2, …): many more commands.
        sliced.GetProperty("run").GetProperty("max_child_quantity").GetDecimal().ShouldBe(0.001m);
        sliced.GetProperty("order_commands").GetInt32().ShouldBeGreaterThan(2 * plain.GetProperty("order_commands").GetInt32());
        // Emulated: the OMS places and cancels the stop and targets itself instead of one native bracket list.
        emulated.GetProperty("run").GetProperty("brackets").GetString().ShouldBe("emulated");
        emulated.GetProperty("order_commands").GetInt32().ShouldBeGreaterThan(plain.GetProperty("order_commands").GetInt32());
        emulated.GetProperty("order_list_hash").GetString().ShouldNotBe(plain.GetProperty("order_list_hash").GetString());
        // Break-even: stops move to the entry, which the plain run never asks for.
        breakEven.GetProperty("run").GetProperty("break_even_r").GetDecimal().ShouldBe(0.5m);
        breakEven.GetProperty("order_list_hash").GetString().ShouldNotBe(plain.GetProperty("order_list_hash").GetString());
        File.ReadAllText(Path.Combine(cli.Home, "sliced", "report.html")).ShouldContain("native brackets; sliced to at most 0.001 per child");
    }

    [Fact]
    public void Backtest_LeverageOnAPerpetual_IsUsedAndCappedByGovernance()
    {
        using var cli = WithData();
        new DataCatalog(cli.DataDirectory).Write(new BarSeries(Symbol.Parse("BINANCE:BTCUSDT.P"), Timeframe.H1, Wave(800, 30_000m)), CatalogWriteMode.Replace);
        var governance = Path.Combine(cli.Home, "governance.yaml");
        File.Copy(Path.Combine(Repository.ConfigsDirectory, "governance.yaml"), governance);
        string[] common = ["backtest", "--symbol", "BINANCE:BTCUSDT.P", "--param", "fast=5", "--param", "slow=20", "--governance", governance];

        var two = cli.Run([.. common, "--leverage", "2", "--out", Path.Combine(cli.Home, "two")]);
        var four = cli.Run([.. common, "--leverage", "4", "--out", Path.Combine(cli.Home, "four")]);
        var eleven = cli.Run("backtest", "--symbol", "BINANCE:BTCUSDT.P", "--leverage", "11", "--out", Path.Combine(cli.Home, "eleven"));

        two.ExitCode.ShouldBe(0, two.ToString());
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(cli.Home, "two", "result.json")));
        json.RootElement.GetProperty("run").GetProperty("leverage").GetInt32().ShouldBe(2);
        four.ExitCode.ShouldBe(2, four.ToString());
        four.Error.ShouldContain("--leverage 4 is above governance.yaml's leverage_cap 3.0");
        eleven.ExitCode.ShouldBe(2, eleven.ToString());
        eleven.Error.ShouldContain("--leverage 11 is out of range (1 ≤ leverage ≤ 10)");
    }

    [Fact]
    public void BacktestHelp_ExplainsEveryOptionWithItsDefault()
    {
        using var cli = new CliRunner();

        var result = cli.Run("backtest", "--help");

        result.ExitCode.ShouldBe(0);
        foreach (var option in new[] { "--strategy", "--symbol", "--timeframe", "--from", "--to", "--fee-bps", "--maker-bps", "--taker-bps", "--slippage-bps", "--slippage-impact",
                     "--half-spread-bps", "--intrabar-path", "--limit-fill", "--participation-cap", "--leverage", "--max-child-qty", "--max-child-notional", "--post-only", "--post-only-retries", "--break-even-r", "--brackets",
                     "--param", "--capital", "--risk-pct", "--funding", "--out" })
        {
            result.Output.ShouldContain(option);
        }

        result.Output.ShouldContain("Default: ema_cross");
        result.Output.ShouldContain("Default: SYNTH:BTCUSDT");
        result.Output.ShouldContain("Default: 1h");
        result.Output.ShouldContain("buy_and_hold");
    }

    private static CliRunner WithData()
    {
        var cli = new CliRunner();
        var catalog = new DataCatalog(cli.DataDirectory);
        catalog.Write(new BarSeries(Symbol.Parse("BINANCE:BTCUSDT"), Timeframe.H1, Wave(800, 30_000m)), CatalogWriteMode.Replace);
        catalog.Write(new BarSeries(Symbol.Parse("BINANCE:ETHUSDT"), Timeframe.H1, Wave(800, 2_000m)), CatalogWriteMode.Replace);
        return cli;
    }

    /// <summary>A sine-wave market (period 100 bars, ±15 %) so EMA crosses happen; prices on the 0.01 grid.</summary>
    private static Bar[] Wave(int count, decimal basePrice)
    {
        var bars = new Bar[count];
        var previous = basePrice;
        for (var i = 0; i < count; i++)
        {
            var close = decimal.Round(basePrice * (decimal)(1 + (0.15 * Math.Sin(2 * Math.PI * i / 100))), 2);
            var spread = decimal.Round(close * 0.002m, 2);
            bars[i] = new Bar(Start + (i * Timeframe.HourMs), previous, Math.Max(previous, close) + spread, Math.Min(previous, close) - spread, close, 40m);
            previous = close;
        }

        return bars;
    }

    [Fact]
    public void Backtest_GovernanceWithAnOutOfRangeValue_ExitsTwoNamingFileKeyAndRange()
    {
        using var cli = WithData();
        var governance = Path.Combine(cli.Home, "governance.yaml");
        File.WriteAllText(governance, File.ReadAllText(Path.Combine(Repository.ConfigsDirectory, "governance.yaml")).Replace("leverage_cap: 3.0", "leverage_cap: 30", StringComparison.Ordinal));

        var result = cli.Run("backtest", "--symbol", "BINANCE:BTCUSDT", "--governance", governance, "--out", Path.Combine(cli.Home, "out"));

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain("governance.yaml: leverage_cap = 30 is out of range (1 ≤ x ≤ 10)");
    }

    [Fact]
    public void Backtest_TwoStrategies_RunTogetherAndReportEach()
    {
        using var cli = WithData();

        var result = cli.Run(
            "backtest", "--symbol", "BINANCE:BTCUSDT", "--strategy", "ema_cross", "--strategy", "buy_and_hold", "--param", "ema_cross.fast=5",
            "--out", Path.Combine(cli.Home, "out"));

        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(cli.Home, "out", "result.json")));
        json.RootElement.GetProperty("run").GetProperty("strategy").GetString().ShouldBe("ema_cross+buy_and_hold");
        result.Output.ShouldContain("buy_and_hold");
    }

    [Fact]
    public void Strategies_ListsEveryRegisteredStrategyWithOriginAndTimeframes()
    {
        using var cli = new CliRunner();

        var result = cli.Run("strategies");

        result.ExitCode.ShouldBe(0, result.ToString());
        foreach (var descriptor in Strategies.StrategyRegistry.BuiltIn.Descriptors)
        {
            result.Output.ShouldContain(descriptor.Name);
            result.Output.ShouldContain(descriptor.Origin);
        }

        result.Output.ShouldContain("fast=12, slow=26");
    }

    [Fact]
    public void Strategies_WithAName_ShowsItsParametersWithRanges()
    {
        using var cli = new CliRunner();

        var result = cli.Run("strategies", "ema_cross");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain("integer 1 ≤ x ≤ 1000");
        result.Output.ShouldContain("period of the fast EMA");
    }

    [Fact]
    public void Strategies_WithAnUnknownName_ExitsTwoListingTheKnownOnes()
    {
        using var cli = new CliRunner();

        var result = cli.Run("strategies", "sma");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain("unknown strategy 'sma' (allowed: ");
        result.Error.ShouldContain("ema_cross");
    }
}
