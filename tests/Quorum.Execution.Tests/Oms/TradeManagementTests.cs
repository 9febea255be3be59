using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Execution.Oms;
using Quorum.Execution.Venues;

namespace Quorum.Execution.Tests.Oms;

/// <summary>Trails, break-even moves, time stops, native brackets, slicing, post-only retries, timeouts.</summary>
public sealed class TradeManagementTests
{
    private static readonly VenueCapabilities AmendOnly = new(NativeOco: false, NativeBrackets: false, NativeAmend: true);

    [Fact]
    public void NativeBracket_GoesOutAsOneBracket_AndTheOmsLeavesTheExitsToTheVenue()
    {
        var h = new OmsHarness(VenueCapabilities.All);
        var trade = h.Oms.PlanTrade(OmsHarness.LongPlan(takeProfits: [new TakeProfit(110m, 0.5m), new TakeProfit(120m, 0.25m)]));

        var bracket = h.Venue.Brackets.ShouldHaveSingleItem();
        bracket.ListId.ShouldBe("q1-b7-p1-L-a0");
        bracket.Entry.ClientOrderId.ShouldBe(OmsHarness.Id(1, "e1"));
        (bracket.StopLoss.Quantity, bracket.StopLoss.StopPrice).ShouldBe((1m, (decimal?)95m));
        bracket.TakeProfits.Select(tp => (tp.Quantity, tp.Price)).ShouldBe([(0.5m, (decimal?)110m), (0.25m, (decimal?)120m)]);
        h.Venue.Submitted.ShouldBeEmpty();

        h.Venue.Fill(OmsHarness.Id(1, "e1"), 100m);
        h.Venue.Fill(OmsHarness.Id(1, "t1"), 110m);
        h.Venue.Calls.Count.ShouldBe(1);

        h.Venue.Fill(OmsHarness.Id(1, "s"), 95m, 0.5m);

        trade.Status.ShouldBe(TradeStatus.Closed);
        trade.ExitReason.ShouldBe(TradeExitReason.StopLoss);
        h.Venue.Canceled.ShouldContain(OmsHarness.Id(1, "t2"));
    }

    [Fact]
    public void NativeBracket_StopMoveWithoutAmend_UnlinksAndTheOmsReplacesTheExits()
    {
        var h = new OmsHarness(new VenueCapabilities(NativeOco: false, NativeBrackets: true, NativeAmend: false));
        var trade = h.Oms.PlanTrade(OmsHarness.LongPlan(takeProfits: [new TakeProfit(110m, 0.5m)]));
        h.Venue.Fill(OmsHarness.Id(1, "e1"), 100m);
        h.Venue.Calls.Clear();

        h.Oms.AdjustTrade(trade.TradeId, new TradeAdjustment { StopLoss = 98m });

        h.Venue.Calls.ShouldBe([
            $"cancel {OmsHarness.Id(1, "t1")}", $"cancel {OmsHarness.Id(1, "s")}",
            $"submit {OmsHarness.Id(1, "t1", 1)}", $"submit {OmsHarness.Id(1, "s", 1)}"]);
        h.Venue.WorkingOrder(OmsHarness.Id(1, "s", 1)).StopPrice.ShouldBe(98m);
        h.Venue.WorkingOrder(OmsHarness.Id(1, "t1", 1)).Quantity.ShouldBe(0.5m);
    }

    [Fact]
    public void PercentTrail_MovesOnlyInFavour_ByAmend()
    {
        var h = new OmsHarness(AmendOnly);
        var trade = h.Oms.PlanTrade(OmsHarness.LongPlan(trail: TrailSpec.DefaultPercent));
        h.Venue.Fill(OmsHarness.Id(1, "e1"), 100m);

        h.Bar(0, 100m, 102m, 99.5m, 101.8m);
        // Highest high 102: 102 − 0.3 % = 101.694 → 101.6 (tick 0.1, rounded down), below the close 101.8.
        trade.StopPrice.ShouldBe(101.6m);
        trade.StopOrigin.ShouldBe(StopOrigin.Trail);
        h.Venue.WorkingOrder(OmsHarness.Id(1, "s")).StopPrice.ShouldBe(101.6m);

        h.Bar(1, 101.8m, 101.9m, 101.7m, 101.75m);
        h.Bar(2, 101.75m, 101.8m, 101.65m, 101.7m);
        trade.StopPrice.ShouldBe(101.6m);
        h.Venue.Amends.Count.ShouldBe(1);

        h.Venue.Fill(OmsHarness.Id(1, "s"), 101.6m);
        trade.ExitReason.ShouldBe(TradeExitReason.TrailingStop);
    }

    [Fact]
    public void PercentTrail_WithoutAmend_CancelsAndReplacesWithTheNextAttempt()
    {
        var h = new OmsHarness();
        var trade = h.Oms.PlanTrade(OmsHarness.ShortPlan(trail: TrailSpec.Percent(1m)));
        h.Venue.Fill(OmsHarness.Id(1, "e1"), 100m);

        h.Bar(0, 100m, 100.2m, 95m, 95.5m);

        // Short: lowest low 95 → 95 × 1.01 = 95.95 → 96.0 (rounded up), above the close 95.5.
        trade.StopPrice.ShouldBe(96m);
        h.Venue.Canceled.ShouldBe([OmsHarness.Id(1, "s")]);
        h.Venue.WorkingOrder(OmsHarness.Id(1, "s", 1)).StopPrice.ShouldBe(96m);
    }

    [Fact]
    public void Trail_StartsAfterTheFirstTakeProfit_WhenThePlanHasTargets()
    {
        var h = new OmsHarness(AmendOnly);
        var trade = h.Oms.PlanTrade(OmsHarness.LongPlan(takeProfits: [new TakeProfit(103m, 0.5m)], trail: TrailSpec.Percent(1m)));
        h.Venue.Fill(OmsHarness.Id(1, "e1"), 100m);

        h.Bar(0, 100m, 102m, 99.5m, 101.8m);
        trade.StopPrice.ShouldBe(95m);

        h.Venue.Fill(OmsHarness.Id(1, "t1"), 103m);
        h.Bar(1, 103m, 104m, 102.9m, 103.5m);

        // Highest high 104 → 104 × 0.99 = 102.96 → 102.9.
        trade.StopPrice.ShouldBe(102.9m);
    }

    [Fact]
    public void AtrTrail_UsesWilderAtrOfTheManagementTimeframe()
    {
        var h = new OmsHarness(AmendOnly, new OmsOptions { BotId = "7", AtrPeriod = 2 });
        h.Bar(0, 100m, 101m, 99m, 100m);
        h.Bar(1, 100m, 102m, 99m, 101m);   // TR = max(3, |102 − 100|, |99 − 100|) = 3
        h.Bar(2, 101m, 102m, 100m, 101m);  // TR = 2 → ATR(2) = (3 + 2) / 2 = 2.5
        var trade = h.Oms.PlanTrade(OmsHarness.LongPlan(entry: 101m, stop: 96m, trail: TrailSpec.Atr(2m)));
        h.Venue.Fill(OmsHarness.Id(1, "e1"), 101m);

        h.Bar(3, 101m, 106m, 101m, 105.5m); // TR = 5 → ATR = (2.5 × 1 + 5) / 2 = 3.75

        // Highest high 106 − 2 × 3.75 = 98.5.
        trade.StopPrice.ShouldBe(98.5m);
    }

    [Fact]
    public void BreakEven_AfterOneR_MovesTheStopToTheAverageEntry()
    {
        var h = new OmsHarness(AmendOnly, new OmsOptions { BotId = "7", BreakEvenTriggerR = 1m });
        var trade = h.Oms.PlanTrade(OmsHarness.LongPlan());
        h.Venue.Fill(OmsHarness.Id(1, "e1"), 100.04m);

        h.Bar(0, 100m, 104m, 99.5m, 103m);
        trade.StopPrice.ShouldBe(95m);

        // Trigger = 100.04 + 1 × |100 − 95| = 105.04; the high 105.1 reaches it; stop → 100.04 → 100.1 (up to the tick).
        h.Bar(1, 103m, 105.1m, 102.5m, 104m);
        trade.StopPrice.ShouldBe(100.1m);
        trade.StopOrigin.ShouldBe(StopOrigin.BreakEven);

        h.Venue.Fill(OmsHarness.Id(1, "s"), 100.1m);
        trade.ExitReason.ShouldBe(TradeExitReason.BreakEven);
    }

    [Fact]
    public void BreakEven_FromPlanMetadata()
    {
        var h = new OmsHarness(AmendOnly);
        var trade = h.Oms.PlanTrade(OmsHarness.LongPlan(metadata: [new(PlanMetadataKeys.BreakEvenR, 0.5m), new(PlanMetadataKeys.Strategy, "BRK")]));
        h.Venue.Fill(OmsHarness.Id(1, "e1"), 100m);

        h.Bar(0, 100m, 102.5m, 99.5m, 102m);

        trade.Strategy.ShouldBe("BRK");
        trade.StopPrice.ShouldBe(100m);
    }

    [Fact]
    public void TimeStopInBars_ClosesAtMarketAfterNBars()
    {
        var h = new OmsHarness(options: new OmsOptions { BotId = "7", DefaultTimeStopBars = 2 });
        var trade = h.Oms.PlanTrade(OmsHarness.LongPlan(takeProfits: [new TakeProfit(110m, 0.5m)]));
        h.Venue.Fill(OmsHarness.Id(1, "e1"), 100m);
        h.Bar(0, 100m, 101m, 99m, 100m);
        h.Venue.IsWorking(OmsHarness.Id(1, "s")).ShouldBeTrue();

        h.Bar(1, 100m, 101m, 99m, 100.5m);

        h.Venue.IsWorking(OmsHarness.Id(1, "s")).ShouldBeFalse();
        h.Venue.IsWorking(OmsHarness.Id(1, "t1")).ShouldBeFalse();
        var exit = h.Venue.WorkingOrder(OmsHarness.Id(1, "x1"));
        (exit.Type, exit.Quantity).ShouldBe((OrderType.Market, 1m));
        h.Venue.Fill(exit.ClientOrderId, 100.5m);
        trade.Status.ShouldBe(TradeStatus.Closed);
        trade.ExitReason.ShouldBe(TradeExitReason.TimeStop);
        trade.BarsHeld.ShouldBe(2);
    }

    [Fact]
    public void TimeStopInBars_OnTheTradesOwnManagementTimeframe_CountsOnlyThoseBars()
    {
        // The symbol is managed on 1m bars (the first seen); this trade on 5m bars: four 1m bars hold nothing,
        // the two 5m bars that follow the entry fill trigger the 2-bar time stop.
        var h = new OmsHarness(options: new OmsOptions { BotId = "7", DefaultTimeStopBars = 2 });
        var trade = h.Oms.PlanTrade(OmsHarness.LongPlan(), new TradeEntry { ManagementTimeframe = Timeframe.M5 });
        h.Venue.Fill(OmsHarness.Id(1, "e1"), 100m);
        for (var minute = 0; minute < 4; minute++)
        {
            h.Bar(minute, 100m, 101m, 99m, 100m);
        }

        trade.BarsHeld.ShouldBe(0);
        h.Clock.AdvanceTo(OmsHarness.Start + (5 * Timeframe.MinuteMs));
        h.Oms.OnBar(ScriptedVenue.Perp, Timeframe.M5, new Bar(OmsHarness.Start, 100m, 101m, 99m, 100m, 50m));
        trade.BarsHeld.ShouldBe(1);
        h.Venue.IsWorking(OmsHarness.Id(1, "x1")).ShouldBeFalse();

        h.Clock.AdvanceTo(OmsHarness.Start + (10 * Timeframe.MinuteMs));
        h.Oms.OnBar(ScriptedVenue.Perp, Timeframe.M5, new Bar(OmsHarness.Start + (5 * Timeframe.MinuteMs), 100m, 101m, 99m, 100m, 50m));

        trade.BarsHeld.ShouldBe(2);
        h.Venue.IsWorking(OmsHarness.Id(1, "x1")).ShouldBeTrue();
    }

    [Fact]
    public void AtrTrail_OnTheTradesOwnManagementTimeframe_UsesThatTimeframesAtr()
    {
        // ATR(14) of 5m bars with a 10-wide range is 10 (flat closes, no gaps), of 1m bars with a 2-wide range 2: a 1×ATR
        // trail from the managed bar's high 105 sits at 95 when managed on 5m (it would be 103 on the 1m ATR). The plan's
        // stop 80 is below both.
        var h = new OmsHarness();
        for (var i = 0; i < 14; i++)
        {
            h.Clock.AdvanceTo(OmsHarness.Start + ((i + 1) * 5 * Timeframe.MinuteMs));
            h.Oms.OnBar(ScriptedVenue.Perp, Timeframe.M1, new Bar(OmsHarness.Start + (((i * 5) + 4) * Timeframe.MinuteMs), 100m, 101m, 99m, 100m, 10m));
            h.Oms.OnBar(ScriptedVenue.Perp, Timeframe.M5, new Bar(OmsHarness.Start + (i * 5 * Timeframe.MinuteMs), 100m, 105m, 95m, 100m, 50m));
        }

        var trade = h.Oms.PlanTrade(OmsHarness.LongPlan(stop: 80m, trail: TrailSpec.Atr(1m)), new TradeEntry { ManagementTimeframe = Timeframe.M5 });
        h.Venue.Fill(OmsHarness.Id(1, "e1"), 100m);
        h.Clock.AdvanceTo(OmsHarness.Start + (75 * Timeframe.MinuteMs));
        h.Oms.OnBar(ScriptedVenue.Perp, Timeframe.M5, new Bar(OmsHarness.Start + (70 * Timeframe.MinuteMs), 100m, 105m, 95m, 100m, 50m));

        trade.StopPrice.ShouldBe(95m);
        trade.StopOrigin.ShouldBe(StopOrigin.Trail);
    }

    [Fact]
    public void TimeStopInMilliseconds_ClosesOnCheckTimeouts()
    {
        var h = new OmsHarness();
        var trade = h.Oms.PlanTrade(OmsHarness.LongPlan(), new TradeEntry { TimeStop = TimeSpan.FromMinutes(5) });
        h.Venue.Fill(OmsHarness.Id(1, "e1"), 100m);
        h.Clock.Advance(TimeSpan.FromMinutes(4));
        h.Oms.CheckTimeouts();
        h.Venue.IsWorking(OmsHarness.Id(1, "x1")).ShouldBeFalse();

        h.Clock.Advance(TimeSpan.FromMinutes(1));
        h.Oms.CheckTimeouts();

        h.Venue.IsWorking(OmsHarness.Id(1, "x1")).ShouldBeTrue();
        h.Venue.Fill(OmsHarness.Id(1, "x1"), 99m);
        trade.ExitReason.ShouldBe(TradeExitReason.TimeStop);
    }

    [Fact]
    public void Slicing_SendsChildrenOneAfterTheOther_EachWithItsOwnLegId()
    {
        var h = new OmsHarness(VenueCapabilities.All, new OmsOptions { BotId = "7", MaxChildQuantity = 0.4m });
        var trade = h.Oms.PlanTrade(OmsHarness.LongPlan());

        h.Venue.Brackets.ShouldBeEmpty();
        h.Venue.Submitted.Select(o => (o.ClientOrderId, o.Quantity)).ShouldBe([(OmsHarness.Id(1, "e1"), 0.4m)]);
        h.Venue.Fill(OmsHarness.Id(1, "e1"), 100m);
        h.Venue.Fill(OmsHarness.Id(1, "e2"), 100.1m);
        h.Venue.Fill(OmsHarness.Id(1, "e3"), 100.2m);

        h.Venue.Submitted.Where(o => o.Type == OrderType.Market).Select(o => (o.ClientOrderId, o.Quantity))
            .ShouldBe([(OmsHarness.Id(1, "e1"), 0.4m), (OmsHarness.Id(1, "e2"), 0.4m), (OmsHarness.Id(1, "e3"), 0.2m)]);
        trade.EntryQuantity.ShouldBe(1m);
        // (0.4 × 100 + 0.4 × 100.1 + 0.2 × 100.2) / 1 = 100.08
        trade.AverageEntryPrice.ShouldBe(100.08m);
        h.Venue.WorkingOrder(OmsHarness.Id(1, "s", 0)).Quantity.ShouldBe(1m);
    }

    [Fact]
    public void Slicing_ByNotional_ClosesInChildrenToo()
    {
        var h = new OmsHarness(options: new OmsOptions { BotId = "7", MaxChildNotional = 60m });
        var trade = h.Oms.PlanTrade(OmsHarness.LongPlan());
        // 60 / 100 = 0.6 per child.
        h.Venue.Fill(OmsHarness.Id(1, "e1"), 100m);
        h.Venue.Fill(OmsHarness.Id(1, "e2"), 100m);

        h.Oms.CloseTrade(trade.TradeId, "manual exit");
        h.Venue.Fill(OmsHarness.Id(1, "x1"), 101m);
        h.Venue.Fill(OmsHarness.Id(1, "x2"), 101m);

        h.Venue.Submitted.Where(o => o.Type == OrderType.Market).Select(o => o.Quantity).ShouldBe([0.6m, 0.4m, 0.6m, 0.4m]);
        trade.Status.ShouldBe(TradeStatus.Closed);
        trade.ExitReason.ShouldBe(TradeExitReason.Manual);
        trade.ExitNote.ShouldBe("manual exit");
        trade.RealizedPnl.ShouldBe(1m);
    }

    [Fact]
    public void PostOnlyRejection_RetriesOnTheNextBarWithTheNextAttempt_ThenCancels()
    {
        var h = new OmsHarness(options: new OmsOptions { BotId = "7", PostOnlyEntries = true, PostOnlyRetries = 1 });
        h.Venue.RejectWhen = r => r.IsPostOnly ? OrderRejectCode.PostOnlyWouldTake : null;
        var trade = h.Oms.PlanTrade(OmsHarness.LongPlan(), TradeEntry.Limit());

        h.Venue.Submitted.ShouldHaveSingleItem().TimeInForce.ShouldBe(TimeInForce.PostOnly);
        trade.Status.ShouldBe(TradeStatus.Pending);

        h.Bar(0, 100m, 100.5m, 99.5m, 100m);

        h.Venue.Submitted.Select(o => o.ClientOrderId).ShouldBe([OmsHarness.Id(1, "e1"), OmsHarness.Id(1, "e1", 1)]);
        trade.Status.ShouldBe(TradeStatus.Cancelled);
        trade.ExitReason.ShouldBe(TradeExitReason.Rejected);
    }

    [Fact]
    public void SubmitTimeout_MarksUnknown_AndALateAcknowledgementResolvesIt()
    {
        var h = new OmsHarness();
        h.Venue.AutoAccept = false;
        h.Oms.PlanTrade(OmsHarness.LongPlan(), TradeEntry.Limit());
        var entry = h.Oms.GetOrder(OmsHarness.Id(1, "e1"));

        h.Clock.Advance(TimeSpan.FromSeconds(9));
        h.Oms.CheckTimeouts();
        entry.Status.ShouldBe(OrderStatus.Submitted);
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        h.Oms.CheckTimeouts();
        entry.Status.ShouldBe(OrderStatus.Unknown);

        h.Venue.Acknowledge(h.Venue.Submitted[0], force: true);

        entry.Status.ShouldBe(OrderStatus.Accepted);
        entry.History.Select(c => c.To).ShouldBe([OrderStatus.Submitted, OrderStatus.Unknown, OrderStatus.Accepted]);
    }

    [Fact]
    public void ReconcileMissing_RejectsTheUnknownOrderAndResubmitsWithTheNextAttempt()
    {
        var h = new OmsHarness();
        h.Venue.AutoAccept = false;
        var trade = h.Oms.PlanTrade(OmsHarness.LongPlan(), TradeEntry.Limit());
        h.Clock.Advance(TimeSpan.FromSeconds(30));
        h.Oms.CheckTimeouts();

        h.Oms.ReconcileMissing(OmsHarness.Id(1, "e1"));

        h.Oms.GetOrder(OmsHarness.Id(1, "e1")).Status.ShouldBe(OrderStatus.Rejected);
        h.Venue.Submitted.Select(o => o.ClientOrderId).ShouldBe([OmsHarness.Id(1, "e1"), OmsHarness.Id(1, "e1", 1)]);
        trade.Status.ShouldBe(TradeStatus.Pending);
    }

    [Fact]
    public void Funding_GoesToTheOpenTradeOfTheSymbol_OrIsUnattributed()
    {
        var h = new OmsHarness();
        h.Oms.OnFunding(new FundingPayment(ScriptedVenue.Perp, OmsHarness.Start, 0.0001m, 100m, 0m, -0.2m));
        var trade = h.Oms.PlanTrade(OmsHarness.LongPlan());
        h.Venue.Fill(OmsHarness.Id(1, "e1"), 100m);

        h.Oms.OnFunding(new FundingPayment(ScriptedVenue.Perp, OmsHarness.Start, 0.0001m, 100m, 1m, -0.01m));
        h.Venue.Fill(OmsHarness.Id(1, "s"), 95m);

        h.Oms.UnattributedFunding.ShouldBe(-0.2m);
        trade.Funding.ShouldBe(-0.01m);
        // −5 gross, funding −0.01 → −5.01.
        trade.NetPnl.ShouldBe(-5.01m);
    }

    [Fact]
    public void OrderCommandSent_IsRaisedBeforeTheVenueAnswers()
    {
        var h = new OmsHarness();

        h.Oms.PlanTrade(OmsHarness.LongPlan());

        var id = OmsHarness.Id(1, "e1");
        h.Events.IndexOf($"command Submit {id}").ShouldBeLessThan(h.Events.IndexOf($"state {id} Submitted->Accepted"));
        h.Commands.ShouldHaveSingleItem().TimeMs.ShouldBe(OmsHarness.Start);
    }

    [Fact]
    public void VenueWithoutStopOrders_TheOmsWatchesTheStopOnBarsAndExitsAtMarket()
    {
        var h = new OmsHarness(new VenueCapabilities(NativeOco: false, NativeBrackets: false, NativeAmend: false, StopOrders: false));
        var trade = h.Oms.PlanTrade(OmsHarness.LongPlan());
        h.Venue.Fill(OmsHarness.Id(1, "e1"), 100m);
        h.Bar(0, 100m, 101m, 95.1m, 96m);
        h.Venue.Submitted.ShouldHaveSingleItem();

        h.Bar(1, 96m, 96.5m, 94.9m, 95.5m);

        trade.StopEmulated.ShouldBeTrue();
        h.Venue.Submitted.ShouldAllBe(o => o.Type == OrderType.Market);
        h.Venue.Fill(OmsHarness.Id(1, "x1"), 95.4m);
        trade.ExitReason.ShouldBe(TradeExitReason.StopLoss);
        trade.ExitNote.ShouldBe("emulated stop 95.0 touched (bar low 94.9)");
    }
}
