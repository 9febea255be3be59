using Quorum.Core.Time;
using Quorum.Research.Backtest;
using Quorum.Research.Reports;
using Quorum.TestKit;
using static Quorum.Research.Tests.Backtest.BacktestSamples;

namespace Quorum.Research.Tests.Backtest;

public sealed class BacktestRunnerTests
{
    [Fact]
    public void Run_EmaCross_TradesAndEveryTradeIsClosedAtTheEnd()
    {
        using var directory = new TempDirectory();
        var runner = new BacktestRunner(Catalog(directory.Path));

        var result = runner.Run(new BacktestOptions { Strategy = "ema_cross", Symbols = [Btc], Timeframe = Timeframe.H1 }, cancellationToken: TestContext.Current.CancellationToken);

        result.Trades.Count.ShouldBeGreaterThan(3);
        result.OpenTradesAtEnd.ShouldBe(0);
        result.OrderCommands.ShouldBeGreaterThan(result.Trades.Count);
        result.Run.Bars.ShouldBe(1_000);
        result.Summary.Trades.ShouldBe(result.Trades.Count);
    }

    [Fact]
    public void Run_WhenEverythingIsClosed_EquityChangeEqualsTheSumOfNetTradePnl()
    {
        // Spot, no funding: with every position closed, equity = cash = capital + Σ (gross − fees) over trades.
        using var directory = new TempDirectory();
        var runner = new BacktestRunner(Catalog(directory.Path));

        var result = runner.Run(new BacktestOptions { Strategy = "ema_cross", Symbols = [Btc, Eth], Parameters = [new("fast", "5"), new("slow", "20")] }, cancellationToken: TestContext.Current.CancellationToken);

        result.Summary.FinalEquity.ShouldBe(result.Summary.InitialEquity + result.Trades.Sum(t => t.NetPnl));
        result.Equity[^1].ShouldBe(result.Summary.FinalEquity);
        result.Summary.BySymbol.Keys.ShouldBe(["BINANCE:BTCUSDT", "BINANCE:ETHUSDT"]);
    }

    [Fact]
    public void Run_EquityIsRecordedAtTheStartAndAtEveryCloseThenAtTheFinalFill()
    {
        using var directory = new TempDirectory();
        var runner = new BacktestRunner(Catalog(directory.Path, count: 200));

        var result = runner.Run(new BacktestOptions { Strategy = "buy_and_hold", Symbols = [Btc] }, cancellationToken: TestContext.Current.CancellationToken);

        // 200 bars: start (open of bar 0) + 200 closes + the closing fill one hour after the last close.
        result.EquityTimesMs.Length.ShouldBe(202);
        result.EquityTimesMs[0].ShouldBe(Start);
        result.EquityTimesMs[1].ShouldBe(Start + Timeframe.HourMs);
        result.EquityTimesMs[^1].ShouldBe(Start + (201 * Timeframe.HourMs));
        result.Equity[0].ShouldBe(10_000m);
    }

    [Fact]
    public void Run_BuyAndHold_OneTradeHeldToTheEnd()
    {
        using var directory = new TempDirectory();
        var runner = new BacktestRunner(Catalog(directory.Path, count: 300));

        var result = runner.Run(new BacktestOptions { Strategy = "buy_and_hold", Symbols = [Btc] }, cancellationToken: TestContext.Current.CancellationToken);

        var trade = result.Trades.ShouldHaveSingleItem();
        trade.ExitReason.ShouldBe("end_of_data");
        // Signal at bar 0's close, filled at bar 1's open; the exchange stamps the fill with the close of bar 1.
        trade.EntryTimeMs.ShouldBe(Start + (2 * Timeframe.HourMs));
        trade.AverageEntryPrice.ShouldBeGreaterThanOrEqualTo(Wave(300)[1].Open); // the open plus the default slippage
        trade.AverageExitPrice.ShouldBe(Wave(300)[^1].Close);
        // All free cash less the 1 % reserve: about 99 % of the capital is invested.
        (trade.Quantity * trade.AverageEntryPrice).ShouldBeInRange(9_800m, 9_950m);
    }

    [Fact]
    public void Run_SameOptionsTwice_GivesIdenticalResultJson()
    {
        using var directory = new TempDirectory();
        var runner = new BacktestRunner(Catalog(directory.Path));
        var options = new BacktestOptions { Strategy = "ema_cross", Symbols = [Btc, Eth], Exchange = new() { FeeBps = 7.5m, SlippageBps = 2m } };

        var first = ResultJsonWriter.Write(runner.Run(options, cancellationToken: TestContext.Current.CancellationToken));
        var second = ResultJsonWriter.Write(runner.Run(options, cancellationToken: TestContext.Current.CancellationToken));

        second.ShouldBe(first);
    }

    [Fact]
    public void Run_WithAFillTimeframe_MatchesOnTheDetailBarsAndStaysConsistent()
    {
        using var directory = new TempDirectory();
        var catalog = new Data.Catalog.DataCatalog(directory.Path);
        var quarter = new Core.MarketData.BarSeries(Btc, Timeframe.M15, Wave(4_000, timeframe: Timeframe.M15));
        catalog.Write(quarter, Data.Catalog.CatalogWriteMode.Replace);
        catalog.Write(Data.Resampling.Resampler.Resample(quarter, Timeframe.H1), Data.Catalog.CatalogWriteMode.Replace);
        var runner = new BacktestRunner(catalog);
        var options = new BacktestOptions { Symbols = [Btc], Timeframe = Timeframe.H1, FillTimeframe = Timeframe.M15, Parameters = [new("fast", "5"), new("slow", "20")] };

        var result = runner.Run(options, cancellationToken: TestContext.Current.CancellationToken);

        result.Run.FillTimeframe.ShouldBe(Timeframe.M15);
        result.Run.Bars.ShouldBe(4_000 + 1_000); // 15m matched + 1h delivered
        result.Trades.Count.ShouldBeGreaterThan(0);
        result.OpenTradesAtEnd.ShouldBe(0);
        result.Summary.FinalEquity.ShouldBe(result.Summary.InitialEquity + result.Trades.Sum(t => t.NetPnl));
        ResultJsonWriter.Write(runner.Run(options, cancellationToken: TestContext.Current.CancellationToken)).ShouldBe(ResultJsonWriter.Write(result));
    }

    [Fact]
    public void Options_FillTimeframeNotFinerThanTheTimeframe_IsRejected()
    {
        Should.Throw<ArgumentException>(() => new BacktestOptions { Timeframe = Timeframe.H1, FillTimeframe = Timeframe.H4 }.Validate())
            .Message.ShouldBe("--fill-timeframe 4h must be finer than --timeframe 1h and divide it evenly (e.g. 5m or 15m for 1h)");
    }

    [Fact]
    public void Run_FromTo_RestrictsTheBars()
    {
        using var directory = new TempDirectory();
        var runner = new BacktestRunner(Catalog(directory.Path));

        var result = runner.Run(new BacktestOptions { Symbols = [Btc], FromMs = Start + (100 * Timeframe.HourMs), ToMs = Start + (400 * Timeframe.HourMs) }, cancellationToken: TestContext.Current.CancellationToken);

        result.Run.Bars.ShouldBe(300);
        result.Run.DataFromMs.ShouldBe(Start + (100 * Timeframe.HourMs));
        result.Run.DataToMs.ShouldBe(Start + (400 * Timeframe.HourMs));
    }

    [Fact]
    public void Run_UnknownStrategy_FailsBeforeLoadingData()
    {
        var runner = new BacktestRunner(new Data.Catalog.DataCatalog("/nonexistent-catalog"));

        Should.Throw<ArgumentException>(() => runner.Run(new BacktestOptions { Strategy = "nope", Symbols = [Btc] }, cancellationToken: TestContext.Current.CancellationToken))
            .Message.ShouldBe($"unknown strategy 'nope' (allowed: {string.Join(", ", Quorum.Strategies.StrategyRegistry.BuiltIn.Names)})");
    }

    [Fact]
    public void Run_MissingRealData_NamesTheSeries()
    {
        using var directory = new TempDirectory();
        var runner = new BacktestRunner(Catalog(directory.Path));

        Should.Throw<Data.Catalog.CatalogException>(() => runner.Run(new BacktestOptions { Symbols = [Btc], Timeframe = Timeframe.H4 }, cancellationToken: TestContext.Current.CancellationToken))
            .Message.ShouldContain("BINANCE:BTCUSDT 4h is not in the");
    }
}
