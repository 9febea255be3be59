using Quorum.Core.Trading;
using Quorum.Execution.Oms;
using Quorum.Execution.Venues;
using Trade = Quorum.Execution.Oms.Trade;

namespace Quorum.Execution.Tests.Oms;

/// <summary><see cref="OmsOptions.RetainClosedTrades"/>: with it off (backtests) an ended trade and its orders leave the manager once nothing of it can change.</summary>
public sealed class RetainClosedTradesTests
{
    private static OmsHarness Shedding() => new(options: new OmsOptions { BotId = "7", RetainClosedTrades = false });

    [Fact]
    public void ClosedTrade_WithRetainOff_IsDroppedAfterItsListenersSawIt()
    {
        var h = Shedding();
        var seen = new ClosedSnapshot();
        h.Oms.AddListener(seen);
        h.Oms.PlanTrade(OmsHarness.LongPlan());
        var second = h.Oms.PlanTrade(OmsHarness.LongPlan());
        h.Venue.Fill(OmsHarness.Id(1, "e1"), 100m);
        h.Venue.Fill(OmsHarness.Id(2, "e1"), 100m);

        h.Venue.Fill(OmsHarness.Id(1, "s"), 95m);

        // The listener saw the whole trade: in 1 @ 100, out 1 @ 95 = −5.
        seen.Lines.ShouldBe(["q1-b7-p1 Closed StopLoss fills 1+1 orders 2 net -5.000"]);
        h.Oms.Trades.ShouldBe([second]);
        h.Oms.OpenTrades.ShouldBe([second]);
        h.Oms.ClosedTrades.ShouldBeEmpty();
        h.Oms.Orders.ShouldAllBe(o => ReferenceEquals(o.Trade, second));
        h.Oms.Orders.Count.ShouldBe(2);
        (h.Oms.TradesCreated, h.Oms.TradesDropped).ShouldBe((2, 1));
        h.Oms.TryGetTrade("q1-b7-p1", out _).ShouldBeFalse();
        h.Oms.TryGetOrder(OmsHarness.Id(1, "s"), out _).ShouldBeFalse();
        Should.Throw<KeyNotFoundException>(() => h.Oms.GetTrade("q1-b7-p1")).Message.ShouldContain("dropped");
        Should.Throw<KeyNotFoundException>(() => h.Oms.GetOrder(OmsHarness.Id(1, "e1"))).Message.ShouldContain("dropped");
        Should.Throw<KeyNotFoundException>(() => h.Oms.GetTrade("q1-b7-p3")).Message.ShouldNotContain("dropped");
    }

    [Fact]
    public void DroppedTrade_CloseAndCancel_DoNothing_AndItsReportsCountAsUnmatched()
    {
        var h = Shedding();
        h.Oms.PlanTrade(OmsHarness.LongPlan());
        h.Venue.Fill(OmsHarness.Id(1, "e1"), 100m);
        h.Venue.Fill(OmsHarness.Id(1, "s"), 95m);
        var calls = h.Venue.Calls.Count;

        h.Oms.CloseTrade("q1-b7-p1", "late close");
        h.Oms.CancelOrder(OmsHarness.Id(1, "s"));
        h.Venue.Send(new ExecutionReport(ExecutionReportKind.Canceled, OmsHarness.Id(1, "s"), ScriptedVenue.Perp, h.Clock.UtcNowMs, h.Clock.UtcNowMs));

        h.Venue.Calls.Count.ShouldBe(calls, "nothing was sent for a dropped trade");
        h.Oms.UnmatchedReports.ShouldBe(1);
        Should.Throw<KeyNotFoundException>(() => h.Oms.CloseTrade("q1-b7-p2", "never planned"));
    }

    [Fact]
    public void EndedTrade_WithAnOrderStillWorking_IsDroppedOnlyOnceTheVenueConfirmsTheCancel()
    {
        // Emulated bracket: the stop fill ends the trade and the OMS cancels the take-profit; the venue answers later.
        var h = Shedding();
        var trade = h.Oms.PlanTrade(OmsHarness.LongPlan(takeProfits: [new TakeProfit(110m, 0.5m)]));
        h.Venue.Fill(OmsHarness.Id(1, "e1"), 100m);
        h.Venue.AutoCancel = false;

        h.Venue.Fill(OmsHarness.Id(1, "s"), 95m);

        trade.Status.ShouldBe(TradeStatus.Closed);
        h.Venue.Canceled.ShouldBe([OmsHarness.Id(1, "t1")]);
        h.Oms.Trades.ShouldBe([trade], "its take-profit is still working");
        h.Oms.TradesDropped.ShouldBe(0);

        h.Venue.CancelByVenue(OmsHarness.Id(1, "t1"));

        h.Oms.Trades.ShouldBeEmpty();
        h.Oms.Orders.ShouldBeEmpty();
        h.Oms.TradesDropped.ShouldBe(1);
        h.Oms.UnmatchedReports.ShouldBe(0);
    }

    [Fact]
    public void CancelledTrade_WithRetainOff_IsDropped_AndByDefaultEveryTradeIsKept()
    {
        var shedding = Shedding();
        var keeping = new OmsHarness();
        foreach (var h in new[] { shedding, keeping })
        {
            h.Venue.RejectWhen = _ => OrderRejectCode.InsufficientBalance;
            h.Oms.PlanTrade(OmsHarness.LongPlan()).Status.ShouldBe(TradeStatus.Cancelled);
            h.Events.ShouldContain("closed q1-b7-p1 Cancelled Rejected");
        }

        shedding.Oms.Trades.ShouldBeEmpty();
        shedding.Oms.TradesCreated.ShouldBe(1);
        keeping.Oms.Trades.Count.ShouldBe(1);
        keeping.Oms.Orders.Count.ShouldBe(1);
        keeping.Oms.TradesDropped.ShouldBe(0);
    }

    /// <summary>Describes each trade as <see cref="IOmsListener.OnTradeClosed"/> gets it.</summary>
    private sealed class ClosedSnapshot : IOmsListener
    {
        public List<string> Lines { get; } = [];

        public void OnTradeClosed(Trade trade) =>
            Lines.Add($"{trade.TradeId} {trade.Status} {trade.ExitReason} fills {trade.EntryFills.Count}+{trade.ExitFills.Count} orders {trade.Orders.Count} net {trade.NetPnl}");
    }
}
