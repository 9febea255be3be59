using Quorum.Core.Trading;
using Quorum.Execution.Simulation;
using Quorum.Execution.Venues;
using static Quorum.Execution.Tests.Simulation.ExchangeHarness;

namespace Quorum.Execution.Tests.Simulation;

public sealed class FillModelTests
{
    [Fact]
    public void Market_FillsAtTheNextMatchBarsOpen_NotOnTheBarItWasSubmittedAfter()
    {
        var h = new ExchangeHarness();
        h.Bar(100m, 110m, 90m, 100m);
        h.Exchange.Submit(Market("m1", OrderSide.Buy, 1m));
        h.Last("m1").Kind.ShouldBe(ExecutionReportKind.Accepted);

        h.Bar(101m, 103m, 99m, 102m);

        var fill = h.Fills("m1").Single();
        fill.Price.ShouldBe(101m);
        fill.Liquidity.ShouldBe(LiquiditySide.Taker);
        fill.Fee.ShouldBe(0.101m); // 101 × 1 × 0.10 % (Binance spot taker)
        h.Last("m1").Kind.ShouldBe(ExecutionReportKind.Filled);
        h.Exchange.Balance("USDT").ShouldBe(9_898.899m); // 10 000 − 101 − 0.101
        h.Exchange.Balance("BTC").ShouldBe(1m);
    }

    [Fact]
    public void Fills_AreReportedBeforeTheBarThatCausedThemIsDelivered()
    {
        var h = new ExchangeHarness();
        h.Bar(100m, 100m, 100m, 100m);
        h.Exchange.Submit(Market("m1", OrderSide.Buy, 1m));
        var deliveredBeforeFill = -1;
        h.OnReport = r => deliveredBeforeFill = r.Fill is null ? deliveredBeforeFill : h.Delivered.Count;

        h.Bar(101m, 101m, 101m, 101m);

        deliveredBeforeFill.ShouldBe(1, "the fill came while only the first bar had been delivered");
        h.Delivered.Count.ShouldBe(2);
    }

    [Fact]
    public void Order_SubmittedWhileABarIsBeingHandled_DoesNotFillOnThatBar()
    {
        var h = new ExchangeHarness();
        h.Bar(100m, 100m, 100m, 100m);
        h.Exchange.Submit(Market("m1", OrderSide.Buy, 1m));
        h.OnReport = r =>
        {
            if (r.ClientOrderId == "m1" && r.Kind == ExecutionReportKind.Filled)
            {
                h.Exchange.Submit(Limit("l1", OrderSide.Buy, 0.1m, 120m)); // marketable on this bar's range, but submitted at its close
            }
        };

        h.Bar(101m, 101m, 95m, 100m);
        h.Fills("l1").ShouldBeEmpty();

        h.Bar(99m, 99m, 98m, 98m);
        h.Fills("l1").Single().Price.ShouldBe(99m); // the next bar's open, taker (it was marketable at submission)
    }

    [Fact]
    public void Stop_WhenBarGapsThroughIt_FillsAtTheOpen()
    {
        var h = new ExchangeHarness(new SimulatedExchangeOptions { Slippage = SlippageModel.None, InitialBalances = new Dictionary<string, decimal> { ["USDT"] = 0m, ["BTC"] = 1m } });
        h.Bar(100m, 100m, 100m, 100m);
        h.Exchange.Submit(Stop("s1", OrderSide.Sell, 1m, 95m));

        h.Bar(90m, 92m, 88m, 91m); // opens below the trigger

        var report = h.Of("s1").Single(r => r.Fill is not null);
        report.Fill!.Price.ShouldBe(90m); // the open: worse than the 95 trigger
        report.ReferencePrice.ShouldBe(90m);
        report.Fill.Fee.ShouldBe(0.09m); // 90 × 0.10 %
        h.Exchange.Balance("USDT").ShouldBe(89.91m);
        h.Exchange.Balance("BTC").ShouldBe(0m);
    }

    [Fact]
    public void Stop_WhenTouchedWithinTheBar_FillsAtTheTriggerPlusSlippage()
    {
        var h = new ExchangeHarness(new SimulatedExchangeOptions { Slippage = new SlippageModel(fixedBps: 10m, impactFactor: 0m), InitialBalances = new Dictionary<string, decimal> { ["BTC"] = 1m } });
        h.Bar(100m, 100m, 100m, 100m);
        h.Exchange.Submit(Stop("s1", OrderSide.Sell, 1m, 95m));

        h.Bar(100m, 101m, 94m, 96m);

        var report = h.Of("s1").Single(r => r.Fill is not null);
        report.ReferencePrice.ShouldBe(95m);
        report.Fill!.Price.ShouldBe(94.9m); // 95 × (1 − 10 bps) = 94.905, rounded down to the 0.01 tick against the seller
        report.Slippage.ShouldBe(0.1m);
    }

    [Fact]
    public void Slippage_IsCappedAtTheBarsRange()
    {
        var h = new ExchangeHarness(new SimulatedExchangeOptions { Slippage = new SlippageModel(fixedBps: 500m, impactFactor: 0m) });
        h.Bar(100m, 100m, 100m, 100m);
        h.Exchange.Submit(Market("m1", OrderSide.Buy, 1m));

        h.Bar(100m, 102m, 99m, 101m);

        h.Fills("m1").Single().Price.ShouldBe(102m); // 100 + 5 % = 105, capped at the high
    }

    [Fact]
    public void VolumeImpact_FollowsTheSquareRootOfParticipation()
    {
        var h = new ExchangeHarness(new SimulatedExchangeOptions { Slippage = new SlippageModel(fixedBps: 0m, impactFactor: 0.1m) });
        h.Bar(100m, 100m, 100m, 100m);
        h.Exchange.Submit(Market("m1", OrderSide.Buy, 1m));

        h.Bar(100m, 110m, 90m, 105m, volume: 4m);

        // 0.1 × (110 − 90) / 100 × √(1 / 4) = 0.01 → 100 × 1.01 = 101
        h.Fills("m1").Single().Price.ShouldBe(101m);
        h.Last("m1").ReferencePrice.ShouldBe(100m);
    }

    [Fact]
    public void Limit_ByDefault_FillsOnlyWhenTheBarTradesThroughItsPrice()
    {
        var h = new ExchangeHarness();
        h.Bar(100m, 100m, 100m, 100m);
        h.Exchange.Submit(Limit("l1", OrderSide.Buy, 1m, 99m));

        h.Bar(100m, 100.5m, 99m, 100m); // touches 99, does not trade below
        h.Fills("l1").ShouldBeEmpty();

        h.Bar(100m, 100.5m, 98.99m, 100m);
        var fill = h.Fills("l1").Single();
        fill.Price.ShouldBe(99m);
        fill.Liquidity.ShouldBe(LiquiditySide.Maker);
        fill.Fee.ShouldBe(0.099m); // 99 × 0.10 % (Binance spot maker)
    }

    [Fact]
    public void Limit_WithFillOnTouch_FillsWhenTheBarReachesItsPrice()
    {
        var h = new ExchangeHarness(new SimulatedExchangeOptions { Slippage = SlippageModel.None, LimitFillsOnTouch = true });
        h.Bar(100m, 100m, 100m, 100m);
        h.Exchange.Submit(Limit("l1", OrderSide.Buy, 1m, 99m));

        h.Bar(100m, 100.5m, 99m, 100m);

        h.Fills("l1").Single().Price.ShouldBe(99m);
    }

    [Fact]
    public void Limit_WhenBarGapsThroughIt_FillsAtTheBetterOpen()
    {
        var h = new ExchangeHarness();
        h.Bar(100m, 100m, 100m, 100m);
        h.Exchange.Submit(Limit("l1", OrderSide.Buy, 1m, 99m));

        h.Bar(97m, 98m, 96m, 97m);

        var fill = h.Fills("l1").Single();
        fill.Price.ShouldBe(97m);
        fill.Liquidity.ShouldBe(LiquiditySide.Maker);
    }

    [Fact]
    public void StopAndTarget_InOneBar_Conservative_StopFillsFirst()
    {
        var h = new ExchangeHarness(new SimulatedExchangeOptions { Slippage = SlippageModel.None, InitialBalances = new Dictionary<string, decimal> { ["BTC"] = 1m } });
        h.Bar(100m, 100m, 100m, 100m);
        h.Exchange.SubmitOco(new OcoRequest("oco1", Limit("tp", OrderSide.Sell, 1m, 105m), Stop("sl", OrderSide.Sell, 1m, 95m)));

        h.Bar(100m, 106m, 94m, 100m); // an up-and-down bar that touches both

        h.Fills("sl").Single().Price.ShouldBe(95m);
        h.Last("tp").Kind.ShouldBe(ExecutionReportKind.Canceled);
        h.Exchange.Balance("USDT").ShouldBe(94.905m); // 95 − 0.095
    }

    [Fact]
    public void StopAndTarget_InOneBar_OpenHighLowClose_TargetFillsFirst()
    {
        var h = new ExchangeHarness(new SimulatedExchangeOptions
        {
            Slippage = SlippageModel.None,
            IntrabarPath = IntrabarPath.OpenHighLowClose,
            InitialBalances = new Dictionary<string, decimal> { ["BTC"] = 1m },
        });
        h.Bar(100m, 100m, 100m, 100m);
        h.Exchange.SubmitOco(new OcoRequest("oco1", Limit("tp", OrderSide.Sell, 1m, 105m), Stop("sl", OrderSide.Sell, 1m, 95m)));

        h.Bar(100m, 106m, 94m, 100m);

        h.Fills("tp").Single().Price.ShouldBe(105m);
        h.Last("sl").Kind.ShouldBe(ExecutionReportKind.Canceled);
    }

    [Theory]
    [InlineData(101, 95)] // up bar: O→L→H→C, the stop (low side) first
    [InlineData(99, 105)] // down bar: O→H→L→C, the target first
    public void ByBarDirection_VisitsTheExtremesInTheBarsDirection(int close, int expectedPrice)
    {
        var h = new ExchangeHarness(new SimulatedExchangeOptions
        {
            Slippage = SlippageModel.None,
            IntrabarPath = IntrabarPath.ByBarDirection,
            InitialBalances = new Dictionary<string, decimal> { ["BTC"] = 1m },
        });
        h.Bar(100m, 100m, 100m, 100m);
        h.Exchange.SubmitOco(new OcoRequest("oco1", Limit("tp", OrderSide.Sell, 1m, 105m), Stop("sl", OrderSide.Sell, 1m, 95m)));

        h.Bar(100m, 106m, 94m, close);

        h.Reports.Single(r => r.Fill is not null).Fill!.Price.ShouldBe(expectedPrice);
    }

    [Fact]
    public void StopLimit_TriggeredButNotReachable_RestsAsALimit()
    {
        var h = new ExchangeHarness(new SimulatedExchangeOptions { Slippage = SlippageModel.None, InitialBalances = new Dictionary<string, decimal> { ["BTC"] = 1m } });
        h.Bar(100m, 100m, 100m, 100m);
        h.Exchange.Submit(Stop("sl", OrderSide.Sell, 1m, 95m, limit: 96m)); // sell limit 96 once 95 trades

        h.Bar(95.5m, 95.8m, 94m, 94.5m); // triggers at 95; a sell at 96 is not marketable at 95 and the bar never trades above 96
        h.Of("sl").Select(r => r.Kind).ShouldBe([ExecutionReportKind.Accepted, ExecutionReportKind.Triggered]);

        h.Bar(95m, 96.5m, 95m, 96m);
        var fill = h.Fills("sl").Single();
        fill.Price.ShouldBe(96m);
        fill.Liquidity.ShouldBe(LiquiditySide.Maker);
    }

    [Fact]
    public void PartialFill_ByParticipationCap_RemainderKeepsWorkingOnLaterBars()
    {
        var h = new ExchangeHarness(new SimulatedExchangeOptions { Slippage = SlippageModel.None, ParticipationCap = 0.1m });
        h.Bar(100m, 100m, 100m, 100m);
        h.Exchange.Submit(Market("m1", OrderSide.Buy, 1m));

        h.Bar(100m, 101m, 99m, 100m, volume: 5m); // 10 % of 5 = 0.5
        h.Bar(102m, 103m, 101m, 102m, volume: 10m); // 10 % of 10 = 1 ≥ the 0.5 left

        var reports = h.Of("m1").Where(r => r.Fill is not null).ToArray();
        reports.Select(r => (r.Kind, r.Fill!.Quantity, r.Fill.Price)).ShouldBe(
            [(ExecutionReportKind.PartiallyFilled, 0.5m, 100m), (ExecutionReportKind.Filled, 0.5m, 102m)]);
        h.Exchange.Balance("USDT").ShouldBe(9_898.899m); // 10 000 − 50 − 0.05 − 51 − 0.051
    }

    [Fact]
    public void PartialFill_ByParticipationCap_IocExpiresTheRest_FokKillsTheWhole()
    {
        var h = new ExchangeHarness(new SimulatedExchangeOptions { Slippage = SlippageModel.None, ParticipationCap = 0.1m });
        h.Bar(100m, 100m, 100m, 100m);
        h.Exchange.Submit(Limit("ioc", OrderSide.Buy, 1m, 101m, TimeInForce.Ioc));

        h.Bar(100m, 101m, 99m, 100m, volume: 5m);

        h.Of("ioc").Select(r => r.Kind).ShouldBe([ExecutionReportKind.Accepted, ExecutionReportKind.PartiallyFilled, ExecutionReportKind.Expired]);
        h.Fills("ioc").Single().Quantity.ShouldBe(0.5m);

        h.Exchange.Submit(Limit("fok", OrderSide.Buy, 1m, 101m, TimeInForce.Fok));
        h.Bar(100m, 101m, 99m, 100m, volume: 5m);

        h.Last("fok").Kind.ShouldBe(ExecutionReportKind.Expired);
        h.Last("fok").RejectCode.ShouldBe(OrderRejectCode.FillOrKillUnfillable);
        h.Fills("fok").ShouldBeEmpty();
    }

    [Fact]
    public void Ioc_NotMarketableAtTheNextOpen_Expires()
    {
        var h = new ExchangeHarness();
        h.Bar(100m, 100m, 100m, 100m);
        h.Exchange.Submit(Limit("ioc", OrderSide.Buy, 1m, 99m, TimeInForce.Ioc));

        h.Bar(100m, 100m, 95m, 96m); // trades through 99 later in the bar, but IOC only lives at the open

        h.Of("ioc").Select(r => r.Kind).ShouldBe([ExecutionReportKind.Accepted, ExecutionReportKind.Expired]);
    }
    [Fact]
    public void TakeProfitMarket_TriggersOnTheProfitSide_AndFillsAtItsTriggerAsTaker()
    {
        var h = new ExchangeHarness(new SimulatedExchangeOptions { Slippage = SlippageModel.None, InitialBalances = new Dictionary<string, decimal> { ["BTC"] = 1m } });
        h.Bar(100m, 100m, 100m, 100m);
        h.Exchange.Submit(new OrderRequest("tp", Btc, OrderSide.Sell, OrderType.TakeProfitMarket, 1m, stopPrice: 105m));

        h.Bar(100m, 104m, 96m, 103m);
        h.Fills("tp").ShouldBeEmpty("a sell take-profit does not trigger on a fall");

        h.Bar(103m, 106m, 102m, 104m);
        var fill = h.Fills("tp").Single();
        fill.Price.ShouldBe(105m);
        fill.Liquidity.ShouldBe(LiquiditySide.Taker);
        fill.Fee.ShouldBe(0.105m); // 105 × 0.10 %
    }

    [Fact]
    public void TakeProfitLimit_WhenTheBarGapsThroughTheTrigger_FillsAtTheOpenWithinItsLimit()
    {
        var h = new ExchangeHarness(new SimulatedExchangeOptions { Slippage = SlippageModel.None, InitialBalances = new Dictionary<string, decimal> { ["BTC"] = 1m } });
        h.Bar(100m, 100m, 100m, 100m);
        h.Exchange.Submit(new OrderRequest("tp", Btc, OrderSide.Sell, OrderType.TakeProfitLimit, 1m, 104m, 105m)); // sell ≥ 104 once 105 trades

        h.Bar(108m, 109m, 107m, 108m);

        h.Of("tp").Select(r => r.Kind).ShouldBe([ExecutionReportKind.Accepted, ExecutionReportKind.Triggered, ExecutionReportKind.Filled]);
        h.Fills("tp").Single().Price.ShouldBe(108m); // the open, better than the 104 limit
    }
}
