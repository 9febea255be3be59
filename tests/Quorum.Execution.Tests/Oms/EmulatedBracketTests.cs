using Quorum.Core.Trading;
using Quorum.Execution.Oms;
using Quorum.Execution.Venues;

namespace Quorum.Execution.Tests.Oms;

public sealed class EmulatedBracketTests
{
    private static readonly VenueCapabilities AmendOnly = new(NativeOco: false, NativeBrackets: false, NativeAmend: true);

    private static Plan TwoTargets() => OmsHarness.LongPlan(takeProfits: [new TakeProfit(110m, 0.5m), new TakeProfit(120m, 0.25m)]);

    [Fact]
    public void PlanTrade_MarketEntry_SendsOneMarketOrderAndStaysPending()
    {
        var h = new OmsHarness();

        var trade = h.Oms.PlanTrade(TwoTargets());

        trade.TradeId.ShouldBe("q1-b7-p1");
        trade.Status.ShouldBe(TradeStatus.Pending);
        var entry = h.Venue.Submitted.ShouldHaveSingleItem();
        entry.ClientOrderId.ShouldBe("q1-b7-p1-e1-a0");
        entry.Type.ShouldBe(OrderType.Market);
        entry.Side.ShouldBe(OrderSide.Buy);
        entry.Quantity.ShouldBe(1m);
        h.Events.ShouldContain("command Submit q1-b7-p1-e1-a0");
    }

    [Fact]
    public void EntryFill_PlacesReduceOnlyStopAndTakeProfitsForTheFilledQuantity()
    {
        var h = new OmsHarness();
        var trade = h.Oms.PlanTrade(TwoTargets());

        h.Venue.Fill(OmsHarness.Id(1, "e1"), 100.2m, referencePrice: 100m, spread: 0.1m);

        trade.Status.ShouldBe(TradeStatus.Active);
        trade.EntryFills.ShouldHaveSingleItem().Slippage.ShouldBe(0.2m);
        trade.EntryFills[0].Spread.ShouldBe(0.1m);
        var t1 = h.Venue.WorkingOrder(OmsHarness.Id(1, "t1"));
        var t2 = h.Venue.WorkingOrder(OmsHarness.Id(1, "t2"));
        var stop = h.Venue.WorkingOrder(OmsHarness.Id(1, "s"));
        (t1.Type, t1.Side, t1.Quantity, t1.Price, t1.ReduceOnly).ShouldBe((OrderType.Limit, OrderSide.Sell, 0.5m, (decimal?)110m, true));
        (t2.Quantity, t2.Price).ShouldBe((0.25m, (decimal?)120m));
        (stop.Type, stop.Side, stop.Quantity, stop.StopPrice, stop.ReduceOnly).ShouldBe((OrderType.StopMarket, OrderSide.Sell, 1m, (decimal?)95m, true));
        h.Events.ShouldContain("opened q1-b7-p1");
    }

    [Fact]
    public void TakeProfitFill_WithoutAmend_ShrinksTheStopByCancelAndReplaceWithTheNextAttempt()
    {
        var h = new OmsHarness();
        h.Oms.PlanTrade(TwoTargets());
        h.Venue.Fill(OmsHarness.Id(1, "e1"), 100m);
        h.Venue.Calls.Clear();

        h.Venue.Fill(OmsHarness.Id(1, "t1"), 110m);

        h.Venue.Calls.ShouldBe([$"cancel {OmsHarness.Id(1, "s")}", $"submit {OmsHarness.Id(1, "s", 1)}"]);
        h.Venue.WorkingOrder(OmsHarness.Id(1, "s", 1)).Quantity.ShouldBe(0.5m);
        h.Venue.IsWorking(OmsHarness.Id(1, "s")).ShouldBeFalse();
    }

    [Fact]
    public void TakeProfitFill_WithAmend_ShrinksTheStopInPlace()
    {
        var h = new OmsHarness(AmendOnly);
        h.Oms.PlanTrade(TwoTargets());
        h.Venue.Fill(OmsHarness.Id(1, "e1"), 100m);
        h.Venue.Calls.Clear();

        h.Venue.Fill(OmsHarness.Id(1, "t1"), 110m);

        h.Venue.Calls.ShouldBe([$"amend {OmsHarness.Id(1, "s")}"]);
        h.Venue.Amends[0].Quantity.ShouldBe(0.5m);
        var stop = h.Oms.GetOrder(OmsHarness.Id(1, "s"));
        stop.Order.Quantity.ShouldBe(0.5m);

        // The amend's history note names the request now working; it is formatted when read, and equals the same
        // change made with its text given up front.
        var note = stop.History[^1];
        note.ReportKind.ShouldBe(ExecutionReportKind.Amended);
        note.Reason.ShouldBe($"now {stop.Order.Request}");
        note.ToString().ShouldEndWith($"(Amended) now {stop.Order.Request}");
        var eager = new OrderStateChange(note.ClientOrderId, note.From, note.To, note.TimeMs, note.ReportKind, $"now {stop.Order.Request}");
        note.ShouldBe(eager);
        eager.ShouldBe(note);
        note.GetHashCode().ShouldBe(eager.GetHashCode());
        (note with { Reason = "other" }).ShouldNotBe(eager);
    }

    [Fact]
    public void PartialEntryFills_ResizeExitsToWhatHasFilled()
    {
        var h = new OmsHarness(AmendOnly);
        h.Oms.PlanTrade(TwoTargets(), TradeEntry.Limit());
        var entry = OmsHarness.Id(1, "e1");
        h.Venue.WorkingOrder(entry).Price.ShouldBe(100m);

        h.Venue.Fill(entry, 100m, 0.4m);

        // 0.4 filled: t1 = floor(0.4 × 0.5) = 0.2, t2 = floor(0.4 × 0.25) = 0.1, stop = 0.4.
        h.Venue.WorkingOrder(OmsHarness.Id(1, "t1")).Quantity.ShouldBe(0.2m);
        h.Venue.WorkingOrder(OmsHarness.Id(1, "t2")).Quantity.ShouldBe(0.1m);
        h.Venue.WorkingOrder(OmsHarness.Id(1, "s")).Quantity.ShouldBe(0.4m);

        h.Venue.Fill(entry, 100m);

        h.Venue.WorkingOrder(OmsHarness.Id(1, "t1")).Quantity.ShouldBe(0.5m);
        h.Venue.WorkingOrder(OmsHarness.Id(1, "t2")).Quantity.ShouldBe(0.25m);
        h.Venue.WorkingOrder(OmsHarness.Id(1, "s")).Quantity.ShouldBe(1m);
    }

    [Fact]
    public void StopFill_CancelsTheTakeProfits_AndClosesWithKnownPnl()
    {
        var h = new OmsHarness();
        var trade = h.Oms.PlanTrade(TwoTargets());
        h.Venue.Fill(OmsHarness.Id(1, "e1"), 100.2m, fee: 0.04m);
        h.Venue.Fill(OmsHarness.Id(1, "t1"), 110m, fee: 0.011m);

        h.Venue.Fill(OmsHarness.Id(1, "s", 1), 94.9m, fee: 0.019m, referencePrice: 95m);

        h.Venue.Canceled.ShouldContain(OmsHarness.Id(1, "t2"));
        h.Venue.IsWorking(OmsHarness.Id(1, "t2")).ShouldBeFalse();
        trade.Status.ShouldBe(TradeStatus.Closed);
        trade.ExitReason.ShouldBe(TradeExitReason.StopLoss);
        // In: 1 @ 100.2 = −100.2. Out: 0.5 @ 110 = +55 and 0.5 @ 94.9 = +47.45. Gross 2.25, fees 0.07, net 2.18.
        trade.RealizedPnl.ShouldBe(2.25m);
        trade.Fees.ShouldBe(0.07m);
        trade.NetPnl.ShouldBe(2.18m);
        // Initial risk |100 − 95| × 1 = 5 → 2.18 / 5 = 0.436 R.
        trade.InitialRisk.ShouldBe(5m);
        trade.RMultiple.ShouldBe(0.436m);
        trade.AverageExitPrice.ShouldBe(102.45m);
        trade.ExitFills[1].Slippage.ShouldBe(0.1m);
        h.Events.ShouldContain("closed q1-b7-p1 Closed StopLoss");
        h.Oms.ClosedTrades.ShouldHaveSingleItem();
        h.Oms.OpenTrades.ShouldBeEmpty();
    }

    [Fact]
    public void AllTakeProfitsFill_ClosesWithTakeProfit_LastTargetTakesTheRest()
    {
        var h = new OmsHarness();
        var trade = h.Oms.PlanTrade(OmsHarness.LongPlan(quantity: 0.007m, takeProfits: [new TakeProfit(110m, 0.5m), new TakeProfit(120m, 0.5m)]));
        h.Venue.Fill(OmsHarness.Id(1, "e1"), 100m);

        // floor(0.007 × 0.5) = 0.003 for t1; t2 takes the other 0.004 so nothing is left to the stop.
        h.Venue.WorkingOrder(OmsHarness.Id(1, "t1")).Quantity.ShouldBe(0.003m);
        h.Venue.WorkingOrder(OmsHarness.Id(1, "t2")).Quantity.ShouldBe(0.004m);
        h.Venue.Fill(OmsHarness.Id(1, "t1"), 110m);
        h.Venue.Fill(OmsHarness.Id(1, "t2"), 120m);

        trade.Status.ShouldBe(TradeStatus.Closed);
        trade.ExitReason.ShouldBe(TradeExitReason.TakeProfit);
        h.Venue.WorkingWith("-s-").ShouldBeEmpty();
    }

    [Fact]
    public void Short_StopIsABuyAboveTheEntry()
    {
        var h = new OmsHarness();
        var trade = h.Oms.PlanTrade(OmsHarness.ShortPlan());
        h.Venue.Fill(OmsHarness.Id(1, "e1"), 100m);

        var stop = h.Venue.WorkingOrder(OmsHarness.Id(1, "s"));
        (stop.Side, stop.StopPrice).ShouldBe((OrderSide.Buy, (decimal?)105m));
        h.Venue.Fill(stop.ClientOrderId, 105m);

        // Short 1 @ 100, covered @ 105: −5.
        trade.RealizedPnl.ShouldBe(-5m);
        trade.RMultiple.ShouldBe(-1m);
    }

    [Fact]
    public void StopRefusedByTheVenue_ExitsAtMarket()
    {
        var h = new OmsHarness();
        h.Venue.RejectWhen = r => r.Type == OrderType.StopMarket ? OrderRejectCode.WouldTriggerImmediately : null;
        var trade = h.Oms.PlanTrade(OmsHarness.LongPlan());

        h.Venue.Fill(OmsHarness.Id(1, "e1"), 94m);

        var exit = h.Venue.WorkingOrder(OmsHarness.Id(1, "x1"));
        (exit.Type, exit.Side, exit.Quantity, exit.ReduceOnly).ShouldBe((OrderType.Market, OrderSide.Sell, 1m, true));
        h.Venue.Fill(exit.ClientOrderId, 93.5m);
        trade.Status.ShouldBe(TradeStatus.Closed);
        trade.ExitReason.ShouldBe(TradeExitReason.StopLoss);
    }

    [Fact]
    public void PlanQuantityBelowOneStep_CancelsTheTradeWithoutSendingAnything()
    {
        var h = new OmsHarness();

        var trade = h.Oms.PlanTrade(OmsHarness.LongPlan(quantity: 0.0004m, takeProfits: [new TakeProfit(110m, 0.5m)]));

        trade.Status.ShouldBe(TradeStatus.Cancelled);
        trade.ExitReason.ShouldBe(TradeExitReason.Rejected);
        trade.ExitNote.ShouldBe("plan quantity 0.0004 rounds to 0 on step 0.001");
        h.Venue.Calls.ShouldBeEmpty();
    }

    [Fact]
    public void TakeProfitAmendRefused_FallsBackToCancelAndReplace()
    {
        var h = new OmsHarness(AmendOnly);
        h.Oms.PlanTrade(TwoTargets(), TradeEntry.Limit());
        h.Venue.Fill(OmsHarness.Id(1, "e1"), 100m, 0.4m);
        h.Venue.RefuseAmends = true;

        h.Venue.Fill(OmsHarness.Id(1, "e1"), 100m);

        // t1 0.2 → 0.5 refused: canceled and replaced as attempt 1 for 0.5.
        h.Venue.WorkingOrder(OmsHarness.Id(1, "t1", 1)).Quantity.ShouldBe(0.5m);
        h.Venue.IsWorking(OmsHarness.Id(1, "t1")).ShouldBeFalse();
        h.Oms.GetOrder(OmsHarness.Id(1, "t1")).History.ShouldContain(c => c.ReportKind == ExecutionReportKind.CancelRejected);
    }

    [Fact]
    public void StopAmendRefused_ExitsAtMarket()
    {
        var h = new OmsHarness(AmendOnly);
        var trade = h.Oms.PlanTrade(OmsHarness.LongPlan(trail: TrailSpec.DefaultPercent));
        h.Venue.Fill(OmsHarness.Id(1, "e1"), 100m);
        h.Venue.RefuseAmends = true;

        h.Bar(0, 100m, 102m, 99.5m, 101.8m);

        h.Venue.IsWorking(OmsHarness.Id(1, "s")).ShouldBeFalse();
        h.Venue.Fill(OmsHarness.Id(1, "x1"), 101.7m);
        trade.ExitReason.ShouldBe(TradeExitReason.TrailingStop);
        trade.ExitNote.ShouldBe("stop move refused: amend refused");
    }
}
