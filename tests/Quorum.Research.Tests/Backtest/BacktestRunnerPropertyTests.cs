using FsCheck;
using FsCheck.Fluent;
using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Catalog;
using Quorum.Research.Backtest;
using Quorum.Research.Reports;
using Quorum.TestKit;
using static Quorum.Research.Tests.Backtest.BacktestSamples;

namespace Quorum.Research.Tests.Backtest;

public sealed class BacktestRunnerPropertyTests
{
    private static readonly Symbol BtcPerp = Symbol.Parse("BINANCE:BTCUSDT.P");

    [Fact]
    public void Run_OnRandomMarkets_ClosesEverythingBooksEveryCentAndRepeatsItself()
    {
        // Random markets (phase, base price, length), EMA periods, fees, slippage, intrabar path and participation cap:
        // every trade ends closed, final equity = capital + Σ net trade PnL (spot, no funding: nothing else moves cash),
        // and a second run is identical.
        var arbitrary = (
            from phase in Gen.Choose(0, 119)
            from price in Gen.Choose(50, 60_000)
            from count in Gen.Choose(60, 400)
            from fast in Gen.Choose(2, 10)
            from slowExtra in Gen.Choose(1, 30)
            from fee in Gen.Choose(0, 30)
            from slippage in Gen.Choose(0, 20)
            from path in Gen.Elements(ExchangeSettings.IntrabarPathNames.Select(p => p.Value).ToArray())
            from capPercent in Gen.Choose(1, 100)
            select (phase, price, count, fast, slow: fast + slowExtra, fee, slippage, path, cap: capPercent / 100m)).ToArbitrary();
        using var directory = new TempDirectory();
        var run = 0;
        Prop.ForAll(arbitrary, input =>
        {
            var catalog = new DataCatalog(directory.Combine($"c{run++}"));
            catalog.Write(new BarSeries(Btc, Timeframe.H1, Wave(input.count, input.price, input.phase)), CatalogWriteMode.Replace);
            var options = new BacktestOptions
            {
                Symbols = [Btc],
                Parameters = [new("fast", $"{input.fast}"), new("slow", $"{input.slow}")],
                Exchange = new ExchangeSettings
                {
                    FeeBps = input.fee,
                    SlippageBps = input.slippage,
                    IntrabarPath = input.path,
                    ParticipationCap = input.cap,
                },
            };
            var runner = new BacktestRunner(catalog);
            var result = runner.Run(options, cancellationToken: TestContext.Current.CancellationToken);
            var again = runner.Run(options, cancellationToken: TestContext.Current.CancellationToken);
            return result.OpenTradesAtEnd == 0
                && result.Summary.FinalEquity == result.Summary.InitialEquity + result.Trades.Sum(t => t.NetPnl)
                && result.Trades.All(t => t.Fees >= 0m)
                && ResultJsonWriter.Write(again) == ResultJsonWriter.Write(result);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Run_PerpetualWithFunding_ChargesFundingToTheTradesAndTheEquity()
    {
        // Funding every 8 h at +0.01 %: a long pays 0.0001 × quantity × mark each time it is open.
        using var directory = new TempDirectory();
        var catalog = new DataCatalog(directory.Path);
        catalog.Write(new BarSeries(BtcPerp, Timeframe.H1, Wave(600)), CatalogWriteMode.Replace);
        var rates = Enumerable.Range(1, 600 / 8).Select(i => new FundingRate(BtcPerp, Start + (i * 8 * Timeframe.HourMs), 0.0001m)).ToList();
        var options = new BacktestOptions
        {
            Symbols = [BtcPerp],
            Parameters = [new("fast", "5"), new("slow", "20")],
            Funding = new Dictionary<Symbol, IReadOnlyList<FundingRate>> { [BtcPerp] = rates },
        };

        var result = new BacktestRunner(catalog).Run(options, cancellationToken: TestContext.Current.CancellationToken);

        result.Run.FundingEvents.ShouldBe(rates.Count(r => r.FundingTimeMs <= Start + (600 * Timeframe.HourMs)));
        result.Summary.Funding.ShouldBeLessThan(0m); // long-only with a positive rate: funding is paid
        result.Summary.Funding.ShouldBe(result.Trades.Sum(t => t.Funding));
        result.Summary.FinalEquity.ShouldBe(result.Summary.InitialEquity + result.Trades.Sum(t => t.NetPnl));
    }

    [Fact]
    public async Task Report_OfARealRun_RendersInHeadlessChromium()
    {
        var chromium = Chromium.Find();

        using var directory = new TempDirectory();
        var result = new BacktestRunner(Catalog(directory.Path)).Run(
            new BacktestOptions { Symbols = [Btc, Eth], Parameters = [new("fast", "5"), new("slow", "20")] },
            cancellationToken: TestContext.Current.CancellationToken);
        var path = directory.Combine("report.html");
        File.WriteAllText(path, BacktestReport.RenderHtml(result));

        var start = new System.Diagnostics.ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=5000", "--dump-dom", "file://" + path })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var dom = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        process.ExitCode.ShouldBe(0, await errors);
        var text = await dom;
        text.ShouldContain("data-render=\"ok\"");
        text.ShouldNotContain("class=\"js-error\"");
        text.ShouldContain("BINANCE:ETHUSDT 1h");
    }
}
