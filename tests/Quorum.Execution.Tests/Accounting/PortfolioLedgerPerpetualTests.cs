using Quorum.Core.Instruments;
using Quorum.Core.Trading;
using Quorum.Execution.Accounting;
using Quorum.Execution.Venues;
using static Quorum.Execution.Tests.Accounting.LedgerFills;

namespace Quorum.Execution.Tests.Accounting;

public sealed class PortfolioLedgerPerpetualTests
{
    [Fact]
    public void PerpetualLong_PartialCloseThenFlipThenClose_RealizesIntoTheWallet()
    {
        var ledger = new PortfolioLedger("USDT", 1_000m);

        // Buy 2 at 100, fee 0.1: long 2 @ 100, wallet 999.9.
        ledger.ApplyFill(Buy(BtcPerp, 2m, 100m, fee: 0.1m), MarketType.Perpetual);
        ledger.Cash.ShouldBe(999.9m);
        ledger.Balance("BTC").ShouldBe(0m); // a perpetual holds no base asset

        // Mark 110: unrealized 2 × (110 − 100) = 20; equity 1 019.9; exposure 220 net and gross.
        ledger.Mark(BtcPerp, 110m);
        ledger.UnrealizedPnl.ShouldBe(20m);
        ledger.Equity.ShouldBe(1_019.9m);
        ledger.NetExposure.ShouldBe(220m);
        ledger.GrossExposure.ShouldBe(220m);
        ledger.Leverage.ShouldBe(220m / 1_019.9m);

        // Sell 1 at 120, fee 0.06: realized 1 × (120 − 100) = 20; wallet 999.9 + 20 − 0.06 = 1 019.84; long 1 @ 100.
        ledger.ApplyFill(Sell(BtcPerp, 1m, 120m, fee: 0.06m), MarketType.Perpetual);
        ledger.RealizedPnl.ShouldBe(20m);
        ledger.Cash.ShouldBe(1_019.84m);
        ledger.GetPosition(BtcPerp)!.ShouldSatisfyAllConditions(
            p => p.Side.ShouldBe(PositionSide.Long),
            p => p.Quantity.ShouldBe(1m),
            p => p.AverageEntryPrice.ShouldBe(100m));

        // Sell 3 at 90, fee 0.27: closes 1 realizing 90 − 100 = −10 (total 10), opens short 2 @ 90.
        // Wallet 1 019.84 − 10 − 0.27 = 1 009.57.
        ledger.ApplyFill(Sell(BtcPerp, 3m, 90m, fee: 0.27m), MarketType.Perpetual);
        ledger.RealizedPnl.ShouldBe(10m);
        ledger.Cash.ShouldBe(1_009.57m);
        var shortPosition = ledger.Positions.ShouldHaveSingleItem();
        shortPosition.Side.ShouldBe(PositionSide.Short);
        shortPosition.Quantity.ShouldBe(2m);
        shortPosition.AverageEntryPrice.ShouldBe(90m);
        shortPosition.SignedQuantity.ShouldBe(-2m);

        // Mark 80: short unrealized −(80 × 2 − 180) = 20; equity 1 029.57; net exposure −160, gross 160.
        ledger.Mark(BtcPerp, 80m);
        ledger.UnrealizedPnl.ShouldBe(20m);
        ledger.Equity.ShouldBe(1_029.57m);
        ledger.NetExposure.ShouldBe(-160m);
        ledger.GrossExposure.ShouldBe(160m);

        // Buy 2 at 85, fee 0.17: realized −(85 × 2 − 180) = 10 (total 20); wallet 1 009.57 + 10 − 0.17 = 1 019.4; flat.
        ledger.ApplyFill(Buy(BtcPerp, 2m, 85m, fee: 0.17m), MarketType.Perpetual);
        ledger.RealizedPnl.ShouldBe(20m);
        ledger.Fees.ShouldBe(0.6m);
        ledger.Cash.ShouldBe(1_019.4m);
        ledger.Equity.ShouldBe(1_019.4m); // 1 000 + 20 − 0.6
        ledger.Positions.ShouldBeEmpty();
        ledger.GetPosition(BtcPerp)!.ShouldSatisfyAllConditions(
            p => p.IsFlat.ShouldBeTrue(),
            p => p.RealizedPnl.ShouldBe(20m),
            p => p.Fees.ShouldBe(0.6m));
    }

    [Fact]
    public void PerpetualShort_PartialCover_RealizesAndKeepsTheEntry()
    {
        var ledger = new PortfolioLedger("USDT", 5_000m);

        // Sell 1 at 2 000; mark 1 900: short unrealized −(1 900 − 2 000) = 100.
        ledger.ApplyFill(Sell(EthPerp, 1m, 2_000m));
        ledger.Mark(EthPerp, 1_900m);
        ledger.UnrealizedPnl.ShouldBe(100m);
        ledger.Equity.ShouldBe(5_100m);

        // Buy 0.5 at 1 800: realized −(1 800 × 0.5 − 1 000) = 100; short 0.5 @ 2 000 left, unrealized −(950 − 1 000) = 50.
        ledger.ApplyFill(Buy(EthPerp, 0.5m, 1_800m));
        ledger.RealizedPnl.ShouldBe(100m);
        ledger.Cash.ShouldBe(5_100m);
        ledger.GetPosition(EthPerp)!.AverageEntryPrice.ShouldBe(2_000m);
        ledger.UnrealizedPnl.ShouldBe(50m);
        ledger.Equity.ShouldBe(5_150m);
    }

    [Fact]
    public void PerpetualAdd_AveragesTheEntryByNotional()
    {
        var ledger = new PortfolioLedger("USDT", 1_000m);
        ledger.ApplyFill(Buy(BtcPerp, 1m, 100m));
        ledger.ApplyFill(Buy(BtcPerp, 3m, 120m));

        // (100 + 360) / 4 = 115.
        ledger.GetPosition(BtcPerp)!.AverageEntryPrice.ShouldBe(115m);
        ledger.Cash.ShouldBe(1_000m); // opening a perpetual moves no cash; only fees, realized PnL and funding do
    }

    [Fact]
    public void Funding_OnALong_IsPaidWhenTheRateIsPositive()
    {
        var ledger = new PortfolioLedger("USDT", 1_000m);
        ledger.ApplyFill(Buy(BtcPerp, 2m, 100m));

        // Rate 0.0001 at mark 100 on +2: amount −0.0001 × 2 × 100 = −0.02.
        ledger.ApplyFunding(new FundingPayment(BtcPerp, 1_700_000_000_000, 0.0001m, 100m, 2m, -0.02m));

        ledger.Funding.ShouldBe(-0.02m);
        ledger.Cash.ShouldBe(999.98m);
        ledger.Equity.ShouldBe(999.98m);
    }

    [Fact]
    public void Funding_OnAShort_IsReceivedWhenTheRateIsPositive()
    {
        var ledger = new PortfolioLedger("USDT", 1_000m);
        ledger.ApplyFill(Sell(BtcPerp, 2m, 100m));

        // Rate 0.0001 at mark 100 on −2: amount −0.0001 × −2 × 100 = +0.02; then rate −0.0003 at 110: −(−0.0003 × −2 × 110) = −0.066.
        ledger.ApplyFunding(new FundingPayment(BtcPerp, 1_700_000_000_000, 0.0001m, 100m, -2m, 0.02m));
        ledger.ApplyFunding(new FundingPayment(BtcPerp, 1_700_028_800_000, -0.0003m, 110m, -2m, -0.066m));

        ledger.Funding.ShouldBe(-0.046m);
        ledger.Cash.ShouldBe(999.954m);
    }

    [Fact]
    public void Funding_OnASizeTheLedgerDoesNotHold_Throws()
    {
        var ledger = new PortfolioLedger("USDT", 1_000m);
        ledger.ApplyFill(Buy(BtcPerp, 1m, 100m));

        var error = Should.Throw<InvalidOperationException>(
            () => ledger.ApplyFunding(new FundingPayment(BtcPerp, 1_700_000_000_000, 0.0001m, 100m, 2m, -0.02m)));

        error.Message.ShouldContain("settles a position of 2, but the ledger holds 1");
        ledger.Cash.ShouldBe(1_000m);
    }

    [Fact]
    public void Funding_OnASpotSymbol_Throws()
    {
        var ledger = new PortfolioLedger("USDT", 1_000m);

        Should.Throw<ArgumentException>(() => ledger.ApplyFunding(new FundingPayment(BtcSpot, 0, 0.0001m, 100m, 0m, 0m)));
    }

    [Fact]
    public void SpotAndPerpetual_Together_EquityIsCashPlusHoldingsPlusUnrealized()
    {
        var ledger = new PortfolioLedger("USDT", 10_000m);
        ledger.ApplyFill(Buy(BtcSpot, 0.1m, 20_000m, fee: 2m)); // cash 7 998
        ledger.ApplyFill(Sell(BtcPerp, 0.1m, 20_000m, fee: 1m)); // hedge: cash 7 997
        ledger.Mark(BtcSpot, 18_000m);
        ledger.Mark(BtcPerp, 18_000m);

        // Spot worth 1 800 (−200), short +200: equity 7 997 + 1 800 + 200 = 9 997; net 1 800 − 1 800 = 0; gross 3 600.
        ledger.Equity.ShouldBe(9_997m);
        ledger.NetExposure.ShouldBe(0m);
        ledger.GrossExposure.ShouldBe(3_600m);
        ledger.UnrealizedPnl.ShouldBe(0m);
        ledger.Positions.Select(p => p.Symbol.ToString()).ShouldBe(["BINANCE:BTCUSDT", "BINANCE:BTCUSDT.P"]);
    }

    [Fact]
    public void Leverage_WhenEquityIsNotPositiveWithExposure_IsNull()
    {
        var ledger = new PortfolioLedger("USDT", 100m);
        ledger.ApplyFill(Buy(BtcPerp, 10m, 100m));
        ledger.Mark(BtcPerp, 90m); // unrealized −100: equity 0

        ledger.Equity.ShouldBe(0m);
        ledger.Leverage.ShouldBeNull();
    }
}
