using Quorum.Core.Time;
using Quorum.Data.Catalog;
using Quorum.Data.Demo;
using Quorum.Data.Synthetic;
using Quorum.Research.Backtest;
using Quorum.TestKit;

namespace Quorum.Research.Tests.Backtest;

public sealed class SyntheticFundingTests
{
    [Fact]
    public void Run_OnASyntheticPerpetualWithoutAFundingFile_SettlesTheFundingDerivedFromItsSpotTwin()
    {
        using var directory = new TempDirectory();
        var catalog = new DataCatalog(directory.Path);
        DemoDatasetBuilder.Build(catalog, DemoDataset.Options with { BarCount = 30 * 288 }, [Timeframe.H1]);
        var perpetual = DemoDataset.Perpetuals[0];

        var result = new BacktestRunner(catalog).Run(
            new BacktestOptions { Strategy = "buy_and_hold", Symbols = [perpetual], Timeframe = Timeframe.H1 },
            cancellationToken: TestContext.Current.CancellationToken);

        // 30 days of 1h from 2024-01-01 00:00: funding every 8 h from 08:00 to the last close (720 h): 90 times.
        var expected = SyntheticPerpetual.Funding(catalog.Load(perpetual, Timeframe.H1), catalog.Load(DemoDataset.Btc, Timeframe.H1));
        expected.Count.ShouldBe(90);
        result.Run.FundingEvents.ShouldBe(expected.Count(f => f.FundingTimeMs > result.Run.DataFromMs && f.FundingTimeMs <= result.Run.DataToMs));
        var trade = result.Trades.ShouldHaveSingleItem();
        trade.Funding.ShouldNotBe(0m);
        result.Summary.Funding.ShouldBe(trade.Funding);
    }
}
