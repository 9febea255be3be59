using Quorum.Core.Trading;
using Quorum.Execution.Oms;
using Quorum.Execution.Venues;

namespace Quorum.Execution.Tests.Oms;

/// <summary>Seed 004's PLAN_TRADE, CANCEL_ORDER, ADJUST_TRADE and DO_NOTHING.</summary>
public sealed class CommandTests
{
    [Fact]
    public void PlanTrade_IsALimitEntryAtThePlansPrice_Pending()
    {
        var h = new OmsHarness();

        var result = h.Oms.Execute(new PlanTradeCommand(OmsHarness.LongPlan(entry: 65000m, stop: 63500m, takeProfits: [new TakeProfit(67000m, 0.5m), new TakeProfit(69000m, 0.5m)])));

        result.Succeeded.ShouldBeTrue();
        result.Action.ShouldBe("PLAN_TRADE");
        result.TradeId.ShouldBe("q1-b7-p1");
        var entry = h.Venue.Submitted.ShouldHaveSingleItem();
        (entry.Type, entry.Price).ShouldBe((OrderType.Limit, (decimal?)65000m));
        h.Oms.GetTrade("q1-b7-p1").Status.ShouldBe(TradeStatus.Pending);
    }

    [Fact]
    public void CancelOrder_OnAPendingTrade_CancelsItsEntryAndTheTrade()
    {
        var h = new OmsHarness();
        h.Oms.Execute(new PlanTradeCommand(OmsHarness.LongPlan()));

        var result = h.Oms.Execute(new CancelOrderCommand(OmsHarness.Id(1, "e1")) { Reasoning = "conditions changed" });

        result.Succeeded.ShouldBeTrue();
        h.Venue.Canceled.ShouldBe([OmsHarness.Id(1, "e1")]);
        var trade = h.Oms.GetTrade("q1-b7-p1");
        trade.Status.ShouldBe(TradeStatus.Cancelled);
        trade.ExitReason.ShouldBe(TradeExitReason.Manual);
        h.Events.ShouldContain("closed q1-b7-p1 Cancelled Manual");
    }

    [Fact]
    public void CancelOrder_OnAFilledTrade_FailsAndChangesNothing()
    {
        var h = new OmsHarness();
        h.Oms.PlanTrade(OmsHarness.LongPlan());
        h.Venue.Fill(OmsHarness.Id(1, "e1"), 100m);
        var calls = h.Venue.Calls.Count;

        var result = h.Oms.Execute(new CancelOrderCommand("q1-b7-p1"));

        result.Succeeded.ShouldBeFalse();
        result.Message.ShouldContain("nothing pending");
        h.Venue.Calls.Count.ShouldBe(calls);
    }

    [Fact]
    public void AdjustTrade_NewStop_MovesTheStop()
    {
        var h = new OmsHarness(new VenueCapabilities(NativeOco: false, NativeBrackets: false, NativeAmend: true));
        h.Oms.PlanTrade(OmsHarness.LongPlan(entry: 65000m, stop: 63500m));
        h.Venue.Fill(OmsHarness.Id(1, "e1"), 65000m);
        h.Bar(0, 65000m, 65800m, 64900m, 65700m);

        var result = h.Oms.Execute(new AdjustTradeCommand(OmsHarness.Id(1, "e1"), new TradeAdjustment { StopLoss = 65100m }) { Reasoning = "break-even" });

        result.Succeeded.ShouldBeTrue();
        h.Venue.Amends.ShouldHaveSingleItem().StopPrice.ShouldBe(65100m);
        h.Oms.GetTrade("q1-b7-p1").StopPrice.ShouldBe(65100m);
    }

    [Fact]
    public void AdjustTrade_StopAboveTheLastPrice_FailsWithAMessage()
    {
        var h = new OmsHarness();
        h.Oms.PlanTrade(OmsHarness.LongPlan());
        h.Venue.Fill(OmsHarness.Id(1, "e1"), 100m);
        h.Bar(0, 100m, 101m, 99m, 100m);

        var result = h.Oms.Execute(new AdjustTradeCommand("q1-b7-p1", new TradeAdjustment { StopLoss = 100.5m }));

        result.Succeeded.ShouldBeFalse();
        result.Message.ShouldContain("must be below the reference price 100");
        h.Oms.GetTrade("q1-b7-p1").StopPrice.ShouldBe(95m);
    }

    [Fact]
    public void AdjustTrade_NewTakeProfits_ReplaceTheUnfilledOnes()
    {
        var h = new OmsHarness();
        var trade = h.Oms.PlanTrade(OmsHarness.LongPlan(takeProfits: [new TakeProfit(110m, 0.5m)]));
        h.Venue.Fill(OmsHarness.Id(1, "e1"), 100m);

        h.Oms.AdjustTrade(trade.TradeId, new TradeAdjustment { TakeProfits = [new TakeProfit(105m, 0.3m), new TakeProfit(108m, 0.3m)], Trail = TrailSpec.Percent(1m) });

        h.Venue.IsWorking(OmsHarness.Id(1, "t1")).ShouldBeFalse();
        h.Venue.WorkingOrder(OmsHarness.Id(1, "t2")).Price.ShouldBe(105m);
        h.Venue.WorkingOrder(OmsHarness.Id(1, "t3")).Quantity.ShouldBe(0.3m);
        trade.Trail.ShouldBe(TrailSpec.Percent(1m));
    }

    [Fact]
    public void DoNothing_IsLogged()
    {
        var h = new OmsHarness();

        var result = h.Oms.Execute(new DoNothingCommand { Reasoning = "no setup" });

        result.Succeeded.ShouldBeTrue();
        h.Oms.CommandLog.ShouldHaveSingleItem().Action.ShouldBe("DO_NOTHING");
        h.Venue.Calls.ShouldBeEmpty();
    }

    [Fact]
    public void UnknownOrderId_FromACommand_IsAFailedResult_ButFromCodeThrows()
    {
        var h = new OmsHarness();

        h.Oms.Execute(new CancelOrderCommand("123456789")).Succeeded.ShouldBeFalse();
        h.Oms.Execute(new AdjustTradeCommand("987654321", new TradeAdjustment { StopLoss = 1m })).Message.ShouldContain("no trade or order '987654321'");
        Should.Throw<KeyNotFoundException>(() => h.Oms.CancelOrder("123456789")).Message.ShouldContain("123456789");
        h.Oms.CommandLog.Count.ShouldBe(2);
    }

    [Fact]
    public void CloseTrade_WhilePending_CancelsTheEntry()
    {
        var h = new OmsHarness();
        var trade = h.Oms.PlanTrade(OmsHarness.LongPlan(), TradeEntry.Limit());

        h.Oms.CloseTrade(trade.TradeId, TradeExitReason.Signal, "exit signal");

        trade.Status.ShouldBe(TradeStatus.Cancelled);
        trade.ExitReason.ShouldBe(TradeExitReason.Signal);
        h.Venue.Submitted.Count.ShouldBe(1);
    }

    [Fact]
    public void PlanId_FromMetadata_IsUsedAndMayNotRepeat()
    {
        var h = new OmsHarness();
        var trade = h.Oms.PlanTrade(OmsHarness.LongPlan(metadata: [new(PlanMetadataKeys.PlanId, 42L)]));

        trade.TradeId.ShouldBe("q1-b7-p42");
        h.Oms.PlanTrade(OmsHarness.LongPlan()).TradeId.ShouldBe("q1-b7-p43");
        Should.Throw<ArgumentException>(() => h.Oms.PlanTrade(OmsHarness.LongPlan(metadata: [new(PlanMetadataKeys.PlanId, 42)]))).Message.ShouldContain("plan id 42");
    }
}
