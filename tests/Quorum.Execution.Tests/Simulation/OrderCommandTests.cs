using Quorum.Core.Trading;
using Quorum.Execution.Simulation;
using Quorum.Execution.Venues;
using static Quorum.Execution.Tests.Simulation.ExchangeHarness;

namespace Quorum.Execution.Tests.Simulation;

public sealed class OrderCommandTests
{
    [Fact]
    public void PostOnly_WhenItWouldTake_IsRejected()
    {
        var h = new ExchangeHarness();
        h.Bar(100m, 100m, 100m, 100m);

        h.Exchange.Submit(Limit("p1", OrderSide.Buy, 1m, 100m, TimeInForce.PostOnly)); // buy at the last close would take
        h.Exchange.Submit(Limit("p2", OrderSide.Buy, 1m, 99.99m, TimeInForce.PostOnly));

        h.Last("p1").Kind.ShouldBe(ExecutionReportKind.Rejected);
        h.Last("p1").RejectCode.ShouldBe(OrderRejectCode.PostOnlyWouldTake);
        h.Last("p2").Kind.ShouldBe(ExecutionReportKind.Accepted);
    }

    [Fact]
    public void MinNotional_WhenBelow_IsRejectedWithTheFilterName()
    {
        var h = new ExchangeHarness();
        h.Bar(100m, 100m, 100m, 100m);

        h.Exchange.Submit(Limit("n1", OrderSide.Buy, 0.04m, 100m)); // 4 USDT < min notional 5

        var report = h.Last("n1");
        report.Kind.ShouldBe(ExecutionReportKind.Rejected);
        report.RejectCode.ShouldBe(OrderRejectCode.MinNotional);
        report.Reason.ShouldBe("Filter failure: NOTIONAL (BINANCE:BTCUSDT: notional 4.00 (0.04 × 100) is below min notional 5)");
    }

    [Fact]
    public void TickAndStepViolations_AreRejectedAsPriceFilterAndLotSize()
    {
        var h = new ExchangeHarness();
        h.Bar(100m, 100m, 100m, 100m);

        h.Exchange.Submit(Limit("t1", OrderSide.Buy, 1m, 99.995m));
        h.Exchange.Submit(Limit("s1", OrderSide.Buy, 0.100001m, 99m));

        h.Last("t1").RejectCode.ShouldBe(OrderRejectCode.PriceFilter);
        h.Last("s1").RejectCode.ShouldBe(OrderRejectCode.LotSize);
    }

    [Fact]
    public void InsufficientBalance_IsRejected()
    {
        var h = new ExchangeHarness();
        h.Bar(100m, 100m, 100m, 100m);

        h.Exchange.Submit(Limit("b1", OrderSide.Buy, 99m, 100m)); // 9 900 + 0.10 % fee reserve = 9 909.9 ≤ 10 000
        h.Exchange.Submit(Limit("b2", OrderSide.Buy, 1m, 99m)); // only 90.1 USDT left free
        h.Exchange.Submit(Limit("s1", OrderSide.Sell, 1m, 101m)); // no BTC

        h.Last("b1").Kind.ShouldBe(ExecutionReportKind.Accepted);
        h.Exchange.Available("USDT").ShouldBe(90.1m);
        h.Last("b2").RejectCode.ShouldBe(OrderRejectCode.InsufficientBalance);
        h.Last("s1").RejectCode.ShouldBe(OrderRejectCode.InsufficientBalance);
    }

    [Fact]
    public void ReduceOnly_OnSpot_IsRejected_OnAPerpetualItMayNotOpenOrIncrease()
    {
        var h = new ExchangeHarness();
        h.Bar(100m, 100m, 100m, 100m);
        h.Bar(100m, 100m, 100m, 100m, symbol: Eth);

        h.Exchange.Submit(Limit("spot", OrderSide.Sell, 1m, 101m, reduceOnly: true));
        h.Exchange.Submit(Limit("open", OrderSide.Sell, 1m, 101m, symbol: Eth, reduceOnly: true));

        h.Last("spot").RejectCode.ShouldBe(OrderRejectCode.ReduceOnlyRejected);
        h.Last("open").RejectCode.ShouldBe(OrderRejectCode.ReduceOnlyRejected);

        h.Exchange.Submit(Market("long", OrderSide.Buy, 1m, Eth));
        h.Bar(100m, 100m, 100m, 100m, symbol: Eth);
        h.Exchange.Submit(Limit("add", OrderSide.Buy, 1m, 99m, symbol: Eth, reduceOnly: true));
        h.Exchange.Submit(Limit("close", OrderSide.Sell, 1m, 101m, symbol: Eth, reduceOnly: true));

        h.Last("add").RejectCode.ShouldBe(OrderRejectCode.ReduceOnlyRejected);
        h.Last("close").Kind.ShouldBe(ExecutionReportKind.Accepted);
    }

    [Fact]
    public void Stop_ThatWouldTriggerImmediately_IsRejected()
    {
        var h = new ExchangeHarness(new SimulatedExchangeOptions { Slippage = SlippageModel.None, InitialBalances = new Dictionary<string, decimal> { ["BTC"] = 1m } });
        h.Bar(100m, 100m, 100m, 100m);

        h.Exchange.Submit(Stop("s1", OrderSide.Sell, 1m, 100.5m));

        h.Last("s1").RejectCode.ShouldBe(OrderRejectCode.WouldTriggerImmediately);
    }

    [Fact]
    public void DuplicateClientOrderId_IsRejected_AndTheFirstOrderKeepsWorking()
    {
        var h = new ExchangeHarness();
        h.Bar(100m, 100m, 100m, 100m);

        h.Exchange.Submit(Limit("a", OrderSide.Buy, 1m, 99m));
        h.Exchange.Submit(Limit("a", OrderSide.Buy, 2m, 98m));

        h.Of("a").Select(r => (r.Kind, r.RejectCode)).ShouldBe(
            [(ExecutionReportKind.Accepted, OrderRejectCode.None), (ExecutionReportKind.Rejected, OrderRejectCode.DuplicateClientOrderId)]);
        h.Bar(99m, 99m, 98.5m, 99m);
        h.Fills("a").Single().Quantity.ShouldBe(1m);
    }

    [Fact]
    public void Cancel_OfUnknownOrTerminalOrder_IsCancelRejectedAsUnknown()
    {
        var h = new ExchangeHarness();
        h.Bar(100m, 100m, 100m, 100m);
        h.Exchange.Submit(Limit("a", OrderSide.Buy, 1m, 99m));

        h.Exchange.Cancel(Btc, "a");
        h.Exchange.Cancel(Btc, "a");
        h.Exchange.Cancel(Btc, "nope");

        h.Of("a").Select(r => r.Kind).ShouldBe([ExecutionReportKind.Accepted, ExecutionReportKind.Canceled, ExecutionReportKind.CancelRejected]);
        // A canceled order is no longer known, as on Binance (-2011 "Unknown order sent.") and Bybit (110001).
        h.Last("a").RejectCode.ShouldBe(OrderRejectCode.UnknownOrder);
        h.Last("a").Reason.ShouldBe("Unknown order sent.");
        h.Last("nope").Kind.ShouldBe(ExecutionReportKind.CancelRejected);
        h.Last("nope").RejectCode.ShouldBe(OrderRejectCode.UnknownOrder);
        h.Exchange.Available("USDT").ShouldBe(10_000m, "the cancel released the reservation");
    }

    [Fact]
    public void CancelAndAmend_OfAFilledOrder_AreRejectedAsUnknown()
    {
        var h = new ExchangeHarness();
        h.Bar(100m, 100m, 100m, 100m);
        h.Exchange.Submit(Limit("a", OrderSide.Buy, 1m, 99m));
        h.Bar(99m, 99m, 98.5m, 99m);
        h.Last("a").Kind.ShouldBe(ExecutionReportKind.Filled);

        h.Exchange.Cancel(Btc, "a");
        h.Last("a").Kind.ShouldBe(ExecutionReportKind.CancelRejected);
        h.Last("a").RejectCode.ShouldBe(OrderRejectCode.UnknownOrder);
        h.Exchange.Amend(new AmendRequest(Btc, "a", Price: 98m));
        h.Last("a").Kind.ShouldBe(ExecutionReportKind.CancelRejected);
        h.Last("a").RejectCode.ShouldBe(OrderRejectCode.UnknownOrder);
    }

    [Fact]
    public void ClientOrderId_OfAnOrderThatEnded_MayBeUsedAgain_AsOnBinance()
    {
        // Binance: newClientOrderId is "a unique id among open orders"; a filled, canceled or rejected id is free again.
        var h = new ExchangeHarness();
        h.Bar(100m, 100m, 100m, 100m);
        h.Exchange.Submit(Limit("a", OrderSide.Buy, 1m, 99m));
        h.Bar(99m, 99m, 98.5m, 99m);
        h.Exchange.Submit(Limit("b", OrderSide.Buy, 1m, 99.001m)); // off the 0.01 tick: rejected
        h.Exchange.Submit(Limit("c", OrderSide.Buy, 1m, 90m));
        h.Exchange.Cancel(Btc, "c");

        h.Exchange.Submit(Limit("a", OrderSide.Buy, 1m, 97m));
        h.Exchange.Submit(Limit("b", OrderSide.Buy, 1m, 97m));
        h.Exchange.Submit(Limit("c", OrderSide.Buy, 1m, 97m));

        h.Last("a").Kind.ShouldBe(ExecutionReportKind.Accepted);
        h.Last("b").Kind.ShouldBe(ExecutionReportKind.Accepted);
        h.Last("c").Kind.ShouldBe(ExecutionReportKind.Accepted);
        h.Exchange.OpenOrderCount.ShouldBe(3);
    }

    [Fact]
    public void Exchange_ForgetsEveryOrderThatEnded()
    {
        var h = new ExchangeHarness(new SimulatedExchangeOptions { Slippage = SlippageModel.None, InitialBalances = new Dictionary<string, decimal> { ["USDT"] = 1_000_000m } });
        h.Bar(100m, 100m, 100m, 100m);
        for (var i = 0; i < 50; i++)
        {
            h.Exchange.Submit(Market($"m{i}", OrderSide.Buy, 1m));
            h.Exchange.Submit(Limit($"l{i}", OrderSide.Buy, 1m, 50m));
            h.Exchange.Cancel(Btc, $"l{i}");
            h.Bar(100m, 100m, 100m, 100m);
        }

        // A bracket: the entry fills at the open, the take-profit at 101 on the way up, the stop is canceled.
        h.Exchange.SubmitBracket(new BracketRequest(
            "L", Market("be", OrderSide.Buy, 1m), Stop("bs", OrderSide.Sell, 1m, 90m), [Limit("bt", OrderSide.Sell, 1m, 101m)]));
        h.Exchange.OpenOrderCount.ShouldBe(3);
        h.Bar(100m, 102m, 100m, 101.5m);

        h.Last("bt").Kind.ShouldBe(ExecutionReportKind.Filled);
        h.Last("bs").Kind.ShouldBe(ExecutionReportKind.Canceled);
        h.Reports.Count(r => r.Kind == ExecutionReportKind.Filled).ShouldBe(52);
        h.Reports.Count(r => r.Kind == ExecutionReportKind.Canceled).ShouldBe(51);
        h.Exchange.OpenOrderCount.ShouldBe(0);
    }

    [Fact]
    public void Amend_ChangesTheWorkingOrder_FromTheNextBar()
    {
        var h = new ExchangeHarness();
        h.Bar(100m, 100m, 100m, 100m);
        h.Exchange.Submit(Limit("a", OrderSide.Buy, 1m, 95m));

        h.Exchange.Amend(new AmendRequest(Btc, "a", Quantity: 2m, Price: 99m));
        h.Exchange.Amend(new AmendRequest(Btc, "zzz", Price: 99m));

        var amended = h.Last("a");
        amended.Kind.ShouldBe(ExecutionReportKind.Amended);
        amended.Amended!.Price.ShouldBe(99m);
        amended.Amended.Quantity.ShouldBe(2m);
        h.Last("zzz").Kind.ShouldBe(ExecutionReportKind.CancelRejected);

        h.Bar(100m, 100m, 98m, 99m);
        h.Fills("a").Single().ShouldSatisfyAllConditions(f => f.Price.ShouldBe(99m), f => f.Quantity.ShouldBe(2m));
    }

    [Fact]
    public void PlainOrdersOnly_MakesOcoBracketAndAmendThrow()
    {
        var h = new ExchangeHarness(new SimulatedExchangeOptions { Capabilities = VenueCapabilities.PlainOrdersOnly });
        h.Bar(100m, 100m, 100m, 100m);

        Should.Throw<NotSupportedException>(() => h.Exchange.SubmitOco(new OcoRequest("o", Limit("a", OrderSide.Sell, 1m, 105m), Stop("b", OrderSide.Sell, 1m, 95m))));
        Should.Throw<NotSupportedException>(() => h.Exchange.SubmitBracket(new BracketRequest("b", Limit("e", OrderSide.Buy, 1m, 99m), Stop("s", OrderSide.Sell, 1m, 95m))));
        Should.Throw<NotSupportedException>(() => h.Exchange.Amend(new AmendRequest(Btc, "a", Price: 1m)));
        h.Exchange.Capabilities.NativeOco.ShouldBeFalse();
    }

    [Fact]
    public void VenueOrderIds_AreDeterministicCounters()
    {
        var h = new ExchangeHarness();
        h.Bar(100m, 100m, 100m, 100m);
        h.Exchange.Submit(Limit("a", OrderSide.Buy, 1m, 99m));
        h.Exchange.Submit(Limit("b", OrderSide.Buy, 1m, 98m));

        h.Reports.Select(r => r.VenueOrderId).ShouldBe(["SIM-1", "SIM-2"]);
    }
    [Fact]
    public void Amend_ThatWouldMakeAPostOnlyOrderTake_IsCancelRejected_AndTheOrderIsUnchanged()
    {
        var h = new ExchangeHarness();
        h.Bar(100m, 100m, 100m, 100m);
        h.Exchange.Submit(Limit("p", OrderSide.Buy, 1m, 99m, TimeInForce.PostOnly));

        h.Exchange.Amend(new AmendRequest(Btc, "p", Price: 100.5m));

        h.Last("p").Kind.ShouldBe(ExecutionReportKind.CancelRejected);
        h.Last("p").RejectCode.ShouldBe(OrderRejectCode.PostOnlyWouldTake);
        h.Exchange.Available("USDT").ShouldBe(10_000m - 99.099m, "the reservation of the unchanged order (99 × 1.001)");
    }
}
