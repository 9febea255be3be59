using Quorum.Core.Trading;
using Quorum.Execution.Oms;

namespace Quorum.Execution.Tests.Oms;

/// <summary>
/// The OMS keeps its open trades in their own list (time stops and <see cref="OrderManager.OpenTrades"/> no longer scan
/// every trade ever made, which made long backtests quadratic); these pin that the behaviour did not change.
/// </summary>
public sealed class OpenTradesTests
{
    [Fact]
    public void OpenTrades_AfterAnEarlierTradeCloses_ListsTheOthersInCreationOrder()
    {
        var h = new OmsHarness();
        var first = h.Oms.PlanTrade(OmsHarness.LongPlan());
        var second = h.Oms.PlanTrade(OmsHarness.LongPlan());
        var third = h.Oms.PlanTrade(OmsHarness.LongPlan());
        h.Venue.Fill(OmsHarness.Id(1, "e1"), 100m);
        h.Venue.Fill(OmsHarness.Id(2, "e1"), 100m);
        h.Venue.Fill(OmsHarness.Id(3, "e1"), 100m);

        h.Venue.Fill(OmsHarness.Id(2, "s"), 95m);

        second.Status.ShouldBe(TradeStatus.Closed);
        h.Oms.OpenTrades.ShouldBe([first, third]);
        h.Oms.ClosedTrades.ShouldBe([second]);
        h.Oms.Trades.ShouldBe([first, second, third]);
    }

    [Fact]
    public void OpenTrades_ClosingEveryTradeWhileEnumerating_ClosesThemAll()
    {
        // The venue fills the market exits synchronously, so trades leave the open list during the loop.
        var h = new OmsHarness();
        h.Oms.PlanTrade(OmsHarness.LongPlan());
        h.Oms.PlanTrade(OmsHarness.LongPlan());
        h.Venue.Fill(OmsHarness.Id(1, "e1"), 100m);
        h.Venue.Fill(OmsHarness.Id(2, "e1"), 100m);

        foreach (var trade in h.Oms.OpenTrades)
        {
            h.Oms.CloseTrade(trade.TradeId, TradeExitReason.Manual, "test");
            var exit = h.Venue.Submitted[^1];
            exit.Type.ShouldBe(OrderType.Market);
            h.Venue.Fill(exit.ClientOrderId, 101m);
        }

        h.Oms.OpenTrades.ShouldBeEmpty();
        h.Oms.Trades.ShouldAllBe(t => t.Status == TradeStatus.Closed && t.ExitReason == TradeExitReason.Manual);
    }

    [Fact]
    public void TimeStop_WithEarlierTradesClosed_ClosesTheOpenTradeOnceItIsDue()
    {
        // Trade 1 opens and stops out; trade 2 (time stop 3 minutes) opens at minute 1 (the clock is at bar 0's close).
        var h = new OmsHarness();
        h.Oms.PlanTrade(OmsHarness.LongPlan());
        h.Venue.Fill(OmsHarness.Id(1, "e1"), 100m);
        h.Venue.Fill(OmsHarness.Id(1, "s"), 95m);
        h.Bar(0, 100m, 100m, 100m, 100m);
        var timed = h.Oms.PlanTrade(OmsHarness.LongPlan(), new TradeEntry { TimeStop = TimeSpan.FromMinutes(3) });
        h.Venue.Fill(OmsHarness.Id(2, "e1"), 100m);

        h.Bar(1, 100m, 100m, 100m, 100m); // clock at minute 2: open 1 minute
        h.Bar(2, 100m, 100m, 100m, 100m); // minute 3: 2 minutes
        var sentBefore = h.Venue.Submitted.Count;
        timed.Closing.ShouldBeFalse();
        h.Bar(3, 100m, 100m, 100m, 100m); // minute 4: 3 minutes, due

        timed.Closing.ShouldBeTrue();
        timed.CloseReason.ShouldBe(TradeExitReason.TimeStop);
        var exit = h.Venue.Submitted[sentBefore..].ShouldHaveSingleItem();
        (exit.Type, exit.Side, exit.Quantity).ShouldBe((OrderType.Market, OrderSide.Sell, 1m));
    }
}
