using Quorum.Core.Instruments;
using Quorum.Core.Trading;
using Quorum.Execution.Accounting;
using static Quorum.Execution.Tests.Accounting.LedgerFills;

namespace Quorum.Execution.Tests.Accounting;

public sealed class PortfolioLedgerSpotTests
{
    [Fact]
    public void SpotRoundTrip_WithQuoteFees_BooksCashBaseRealizedAndFees()
    {
        var ledger = new PortfolioLedger("USDT", 10_000m);

        // Buy 0.2 BTC at 20 000: notional 4 000, fee 0.1 % = 4. Cash 10 000 − 4 000 − 4 = 5 996.
        ledger.ApplyFill(Buy(BtcSpot, 0.2m, 20_000m, fee: 4m), MarketType.Spot);
        ledger.Cash.ShouldBe(5_996m);
        ledger.Balance("BTC").ShouldBe(0.2m);
        ledger.Fees.ShouldBe(4m);

        // Mark 21 000: holding worth 4 200, unrealized 4 200 − 4 000 = 200, equity 5 996 + 4 200 = 10 196.
        ledger.Mark(BtcSpot, 21_000m);
        ledger.UnrealizedPnl.ShouldBe(200m);
        ledger.Equity.ShouldBe(10_196m);
        ledger.NetExposure.ShouldBe(4_200m);
        ledger.GrossExposure.ShouldBe(4_200m);
        var position = ledger.Positions.ShouldHaveSingleItem();
        position.Symbol.ShouldBe(BtcSpot);
        position.Side.ShouldBe(PositionSide.Long);
        position.Quantity.ShouldBe(0.2m);
        position.AverageEntryPrice.ShouldBe(20_000m);

        // Sell 0.2 at 22 000: proceeds 4 400, fee 4.4. Cash 5 996 + 4 400 − 4.4 = 10 391.6; realized 4 400 − 4 000 = 400.
        ledger.ApplyFill(Sell(BtcSpot, 0.2m, 22_000m, fee: 4.4m), MarketType.Spot);
        ledger.Cash.ShouldBe(10_391.6m);
        ledger.Balance("BTC").ShouldBe(0m);
        ledger.RealizedPnl.ShouldBe(400m);
        ledger.UnrealizedPnl.ShouldBe(0m);
        ledger.Fees.ShouldBe(8.4m);
        ledger.Equity.ShouldBe(10_391.6m); // 10 000 + 400 − 8.4
        ledger.Positions.ShouldBeEmpty();
        ledger.Leverage.ShouldBe(0m);
        ledger.GetPosition(BtcSpot)!.RealizedPnl.ShouldBe(400m);
    }

    [Fact]
    public void SpotPartialSale_RealizesAgainstTheAverageCost()
    {
        var ledger = new PortfolioLedger("USDT", 1_000m);
        ledger.ApplyFill(Buy(BtcSpot, 1m, 100m));
        ledger.ApplyFill(Buy(BtcSpot, 1m, 200m)); // 2 BTC for 300: average 150

        // Sell 0.5 at 180: cost removed 300 × 0.5 / 2 = 75, realized 90 − 75 = 15.
        ledger.ApplyFill(Sell(BtcSpot, 0.5m, 180m));

        ledger.RealizedPnl.ShouldBe(15m);
        ledger.Cash.ShouldBe(790m); // 1 000 − 100 − 200 + 90
        var position = ledger.GetPosition(BtcSpot)!;
        position.Quantity.ShouldBe(1.5m);
        position.AverageEntryPrice.ShouldBe(150m);
        ledger.Equity.ShouldBe(1_060m); // 790 + 1.5 × 180 (last fill price is the mark while never marked)
    }

    [Fact]
    public void SpotSell_WhenMoreThanHeld_Throws()
    {
        var ledger = new PortfolioLedger("USDT", 1_000m);
        ledger.ApplyFill(Buy(BtcSpot, 1m, 100m));

        var error = Should.Throw<InvalidOperationException>(() => ledger.ApplyFill(Sell(BtcSpot, 1.5m, 100m)));

        error.Message.ShouldContain("1 is held");
        error.Message.ShouldContain("spot short sales are impossible");
        ledger.Balance("BTC").ShouldBe(1m);
        ledger.Cash.ShouldBe(900m);
        Should.Throw<InvalidOperationException>(() => ledger.ApplyFill(Sell(EthSpot, 0.1m, 100m)));
    }

    [Fact]
    public void SpotSell_WhenTheBaseFeeWouldExceedTheHolding_Throws()
    {
        var ledger = new PortfolioLedger("USDT", 1_000m);
        ledger.ApplyFill(Buy(BtcSpot, 1m, 100m));

        Should.Throw<InvalidOperationException>(() => ledger.ApplyFill(Sell(BtcSpot, 1m, 100m, fee: 0.001m, feeAsset: "BTC")));
        ledger.Balance("BTC").ShouldBe(1m);
    }

    [Fact]
    public void SpotBuy_WithTheFeeInTheBaseAsset_ReceivesLessBaseAndValuesTheFeeAtTheFillPrice()
    {
        var ledger = new PortfolioLedger("USDT", 1_000m);

        // Buy 1 BTC at 100, fee 0.001 BTC: 0.999 BTC held at an average of 100; fee worth 0.001 × 100 = 0.1.
        ledger.ApplyFill(Buy(BtcSpot, 1m, 100m, fee: 0.001m, feeAsset: "BTC"));
        ledger.Balance("BTC").ShouldBe(0.999m);
        ledger.Cash.ShouldBe(900m);
        ledger.Fees.ShouldBe(0.1m);
        ledger.RealizedPnl.ShouldBe(0m);
        ledger.GetPosition(BtcSpot)!.AverageEntryPrice.ShouldBe(100m);

        // Mark 110: equity 900 + 0.999 × 110 = 1 009.89 = 1 000 + unrealized 9.99 − fees 0.1.
        ledger.Mark(BtcSpot, 110m);
        ledger.Equity.ShouldBe(1_009.89m);
        ledger.UnrealizedPnl.ShouldBe(9.99m);
    }

    [Fact]
    public void Fee_InAHeldThirdAsset_SpendsItAtItsMarkAndRealizesItsGain()
    {
        var ledger = new PortfolioLedger("USDT", new Dictionary<string, decimal> { ["USDT"] = 1_000m, ["BNB"] = 1m });
        ledger.Mark(BnbSpot, 300m); // the initial 1 BNB gets a cost of 300
        ledger.Equity.ShouldBe(1_300m);

        // Fee 0.01 BNB at 300 = 3 quote; BNB cost 300 × 0.01 = 3, so nothing realized.
        ledger.ApplyFill(Buy(BtcSpot, 1m, 100m, fee: 0.01m, feeAsset: "BNB"));
        ledger.Fees.ShouldBe(3m);
        ledger.Balance("BNB").ShouldBe(0.99m);
        ledger.RealizedPnl.ShouldBe(0m);

        // BNB at 400: the next 0.01 BNB fee is worth 4 and costs 297 × 0.01 / 0.99 = 3, realizing 1.
        ledger.Mark(BnbSpot, 400m);
        ledger.ApplyFill(Sell(BtcSpot, 1m, 100m, fee: 0.01m, feeAsset: "BNB"));
        ledger.Fees.ShouldBe(7m);
        ledger.RealizedPnl.ShouldBe(1m);
        ledger.Balance("BNB").ShouldBe(0.98m);

        // Equity 1 000 (BTC round trip at 100 is flat) + 0.98 × 400 = 1 392 = 1 300 + realized 1 + unrealized (392 − 294) − fees 7.
        ledger.Equity.ShouldBe(1_392m);
        ledger.UnrealizedPnl.ShouldBe(98m);
    }

    [Fact]
    public void InitialBaseBalance_IsValuedAtItsFirstMark_AndCannotBeValuedBefore()
    {
        var ledger = new PortfolioLedger("USDT", new Dictionary<string, decimal> { ["USDT"] = 1_000m, ["btc"] = 1m });

        Should.Throw<InvalidOperationException>(() => ledger.Equity).Message.ShouldContain("BTC balance 1 has no price");
        ledger.Positions.ShouldBeEmpty();
        ledger.Balances.Keys.ShouldBe(["BTC", "USDT"]);

        ledger.Mark(BtcSpot, 50_000m);
        ledger.Equity.ShouldBe(51_000m);
        ledger.UnrealizedPnl.ShouldBe(0m);

        ledger.Mark(BtcSpot, 51_000m);
        ledger.UnrealizedPnl.ShouldBe(1_000m);
        ledger.Equity.ShouldBe(52_000m);
        ledger.Leverage.ShouldBe(51_000m / 52_000m);
    }

    [Fact]
    public void Mark_OverridesTheFillPriceAsTheValuation_AndLaterFillsDoNotMoveIt()
    {
        var ledger = new PortfolioLedger("USDT", 1_000m);
        ledger.ApplyFill(Buy(BtcSpot, 1m, 100m));
        ledger.Mark(BtcSpot, 90m);
        ledger.ApplyFill(Buy(BtcSpot, 1m, 95m));

        ledger.Equity.ShouldBe(985m); // 1 000 − 100 − 95 + 2 × 90
        ledger.UnrealizedPnl.ShouldBe(-15m); // 180 − 195
    }

    [Fact]
    public void ApplyFill_WhenTheSymbolIsQuotedInAnotherAsset_Throws()
    {
        var ledger = new PortfolioLedger("USDT", 1_000m);

        var error = Should.Throw<ArgumentException>(() => ledger.ApplyFill(Buy(Symbol.Parse("BINANCE:ETHBTC"), 1m, 0.05m, feeAsset: "BTC")));

        error.Message.ShouldContain("BINANCE:ETHBTC is quoted in BTC, but this ledger counts money in USDT");
    }

    [Fact]
    public void ApplyFill_WhenTheMarketTypeContradictsTheSymbol_Throws()
    {
        var ledger = new PortfolioLedger("USDT", 1_000m);

        Should.Throw<ArgumentException>(() => ledger.ApplyFill(Buy(BtcSpot, 1m, 100m), MarketType.Perpetual));
    }

    [Fact]
    public void Constructor_WhenAnInitialBalanceIsNegative_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new PortfolioLedger("USDT", new Dictionary<string, decimal> { ["USDT"] = -1m }))
            .Message.ShouldContain("initial balance of USDT -1 must be non-negative");
    }

    [Fact]
    public void Mark_WhenThePriceIsNotPositive_Throws()
    {
        var ledger = new PortfolioLedger("USDT", 1_000m);

        Should.Throw<ArgumentOutOfRangeException>(() => ledger.Mark(BtcSpot, 0m));
    }
}
