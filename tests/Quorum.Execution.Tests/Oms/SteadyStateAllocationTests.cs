using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Execution.Venues;

namespace Quorum.Execution.Tests.Oms;

public sealed class SteadyStateAllocationTests
{
    /// <summary>
    /// A bar that changes nothing (open trade with a trail and a break-even rule, no new extreme, ATR tracked)
    /// allocates nothing. The runtime may allocate on the test thread now and then (tiering, timers), so one
    /// clean window of 2 000 bars out of five is required; a per-bar allocation dirties every window.
    /// </summary>
    [Fact]
    public void OnBar_WithAnOpenTradeAndNothingToDo_AllocatesNothing()
    {
        var h = new OmsHarness(new VenueCapabilities(NativeOco: false, NativeBrackets: false, NativeAmend: true), new Quorum.Execution.Oms.OmsOptions { BotId = "7", BreakEvenTriggerR = 5m });
        h.Oms.PlanTrade(OmsHarness.LongPlan(trail: TrailSpec.Percent(1m)));
        h.Venue.Fill(OmsHarness.Id(1, "e1"), 100m);
        var bar = new Bar(OmsHarness.Start, 100m, 100.5m, 99.5m, 100m, 10m);
        for (var i = 0; i < 2_000; i++)
        {
            h.Oms.OnBar(ScriptedVenue.Perp, Timeframe.M1, bar);
        }

        var clean = false;
        for (var window = 0; window < 5 && !clean; window++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 2_000; i++)
            {
                h.Oms.OnBar(ScriptedVenue.Perp, Timeframe.M1, bar);
            }

            clean = GC.GetAllocatedBytesForCurrentThread() == before;
        }

        clean.ShouldBeTrue();
        var trade = h.Oms.GetTrade("q1-b7-p1");
        trade.BarsHeld.ShouldBeGreaterThan(2_000);
        // 100.5 × 0.99 = 99.495 → 99.4 on the 0.1 tick: the trail moved once, on the first bar.
        trade.StopPrice.ShouldBe(99.4m);
    }
}
