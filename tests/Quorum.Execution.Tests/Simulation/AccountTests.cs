using Quorum.Core.MarketData;
using Quorum.Core.Trading;
using Quorum.Execution.Engine;
using Quorum.Execution.Venues;
using static Quorum.Execution.Tests.Simulation.ExchangeHarness;

namespace Quorum.Execution.Tests.Simulation;

public sealed class AccountTests
{
    [Fact]
    public void Perpetual_Long_MovesInitialMarginIntoThePosition_AndRealizesPnlOnClose()
    {
        var h = new ExchangeHarness();
        h.Exchange.SetLeverage(Eth, 10);
        h.Bar(100m, 100m, 100m, 100m, symbol: Eth);
        h.Exchange.Submit(Market("open", OrderSide.Buy, 2m, Eth));
        h.Bar(100m, 100m, 100m, 100m, symbol: Eth);

        h.Exchange.IsolatedMargin(Eth).ShouldBe(20m); // 2 × 100 / 10
        h.Exchange.Balance("USDT").ShouldBe(9_979.9m); // 10 000 − 20 − 0.1 taker fee (0.05 % of 200)
        h.Exchange.GetPosition(Eth).ShouldSatisfyAllConditions(p => p.SignedQuantity.ShouldBe(2m), p => p.AverageEntryPrice.ShouldBe(100m));
        h.Exchange.Equity(new Dictionary<Core.Instruments.Symbol, decimal> { [Eth] = 110m }).ShouldBe(10_019.9m); // 9 979.9 + 20 + 2 × 10

        h.Exchange.Submit(Market("close", OrderSide.Sell, 2m, Eth, reduceOnly: true));
        h.Bar(110m, 110m, 110m, 110m, symbol: Eth);

        h.Exchange.GetPosition(Eth).IsFlat.ShouldBeTrue();
        h.Exchange.GetPosition(Eth).RealizedPnl.ShouldBe(20m);
        h.Exchange.IsolatedMargin(Eth).ShouldBe(0m);
        h.Exchange.Balance("USDT").ShouldBe(10_019.79m); // 9 979.9 + 20 margin back + 20 PnL − 0.11 fee
    }

    [Fact]
    public void Liquidation_WhenTheBarsLowReachesTheLiquidationPrice_ClosesAtItAndTakesTheMargin()
    {
        var h = new ExchangeHarness();
        h.Exchange.SetLeverage(Eth, 10);
        h.Bar(100m, 100m, 100m, 100m, symbol: Eth);
        h.Exchange.Submit(Market("open", OrderSide.Buy, 1m, Eth));
        h.Bar(100m, 100m, 100m, 100m, symbol: Eth);
        h.Exchange.Balance("USDT").ShouldBe(9_989.95m); // 10 000 − 10 margin − 0.05 fee

        // long: P = (E·Q − M) / (Q·(1 − m)) = (100 − 10) / 0.995 = 90.4522…
        h.Exchange.LiquidationPrice(Eth)!.Value.ShouldBe(90m / 0.995m);
        h.Bar(95m, 96m, 90.46m, 92m, symbol: Eth);
        h.Reports.ShouldNotContain(r => r.Kind == ExecutionReportKind.Liquidated, "90.46 is above the liquidation price");

        h.Bar(92m, 93m, 90m, 91m, symbol: Eth);

        var report = h.Reports.Single(r => r.Kind == ExecutionReportKind.Liquidated);
        report.Fill!.Price.ShouldBe(90.46m); // rounded up to the tick
        report.Fill.Side.ShouldBe(OrderSide.Sell);
        report.Fill.Fee.ShouldBe(0.46m); // the margin left: 10 + (90.46 − 100) × 1
        h.Exchange.GetPosition(Eth).IsFlat.ShouldBeTrue();
        h.Exchange.Balance("USDT").ShouldBe(9_989.95m, "the whole isolated margin of 10 is lost, nothing else");
        h.Exchange.Equity().ShouldBe(9_989.95m);
    }

    [Fact]
    public void Liquidation_OfAShort_GappingThroughIt_FillsAtTheOpenAndChargesTheShortfallToTheWallet()
    {
        var h = new ExchangeHarness();
        h.Exchange.SetLeverage(Eth, 5);
        h.Bar(100m, 100m, 100m, 100m, symbol: Eth);
        h.Exchange.Submit(Market("open", OrderSide.Sell, 1m, Eth));
        h.Bar(100m, 100m, 100m, 100m, symbol: Eth);

        // short: P = (E·Q + M) / (Q·(1 + m)) = (100 + 20) / 1.005 = 119.40…
        h.Bar(125m, 126m, 124m, 125m, symbol: Eth);

        var fill = h.Reports.Single(r => r.Kind == ExecutionReportKind.Liquidated).Fill!;
        fill.Price.ShouldBe(125m);
        fill.Fee.ShouldBe(0m);
        h.Exchange.Balance("USDT").ShouldBe(9_974.95m); // 10 000 − 0.05 fee − 25 loss (20 margin + 5 beyond it)
    }

    [Fact]
    public void Funding_LongPaysAPositiveRate_ShortReceivesIt()
    {
        var h = new ExchangeHarness();
        h.Bar(100m, 100m, 100m, 100m, symbol: Eth);
        h.Exchange.Submit(Market("long", OrderSide.Buy, 2m, Eth));
        h.Bar(100m, 100m, 100m, 100m, symbol: Eth);
        var before = h.Exchange.Balance("USDT");

        h.Exchange.OnReplayFunding(new FundingRate(Eth, h.Clock.UtcNowMs, 0.0001m));

        var payment = h.Funding.Single();
        payment.Amount.ShouldBe(-0.02m); // −0.0001 × 2 × 100
        payment.MarkPrice.ShouldBe(100m);
        h.Exchange.Balance("USDT").ShouldBe(before - 0.02m);

        h.Exchange.Submit(Market("flip", OrderSide.Sell, 4m, Eth));
        h.Bar(100m, 100m, 100m, 100m, symbol: Eth);
        h.Exchange.OnReplayFunding(new FundingRate(Eth, h.Clock.UtcNowMs, 0.0001m));

        h.Funding[1].SignedPositionQuantity.ShouldBe(-2m);
        h.Funding[1].Amount.ShouldBe(0.02m); // −0.0001 × (−2) × 100
    }

    [Fact]
    public void Funding_WithoutAPosition_PaysNothing()
    {
        var h = new ExchangeHarness();
        h.Bar(100m, 100m, 100m, 100m, symbol: Eth);

        h.Exchange.OnReplayFunding(new FundingRate(Eth, h.Clock.UtcNowMs, 0.0001m));

        h.Funding.ShouldBeEmpty();
    }

    [Fact]
    public void DeliverOnlyBar_IsForwardedWithoutMatching()
    {
        var h = new ExchangeHarness();
        h.Bar(100m, 100m, 100m, 100m);
        h.Exchange.Submit(Market("m1", OrderSide.Buy, 1m));

        h.Bar(100m, 100m, 100m, 100m, role: BarRole.Deliver);

        h.Fills("m1").ShouldBeEmpty();
        h.Delivered.Count.ShouldBe(2);
    }

    [Fact]
    public void Leverage_AboveTheMaximum_Throws()
    {
        var h = new ExchangeHarness();

        Should.Throw<ArgumentOutOfRangeException>(() => h.Exchange.SetLeverage(Eth, 126)).Message.ShouldContain("1 ≤ leverage ≤ 125");
    }
}
