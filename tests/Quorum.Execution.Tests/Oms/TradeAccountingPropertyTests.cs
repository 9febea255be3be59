using FsCheck;
using FsCheck.Fluent;
using Quorum.Core.Trading;
using Quorum.Execution.Oms;
using Quorum.Execution.Venues;

namespace Quorum.Execution.Tests.Oms;

public sealed class TradeAccountingPropertyTests
{
    /// <summary>
    /// Random entry fills (partial, at random prices and fees), random funding, a random number of
    /// partial take-profit fills, then a close at market in random pieces: the closed trade's net PnL
    /// is exactly the sum of its fills' signed cash flows minus fees plus funding.
    /// </summary>
    [Fact]
    public void ClosedTrade_NetPnl_IsSignedCashFlowsMinusFeesPlusFunding()
    {
        var scenario = from isLong in Gen.Elements(true, false)
                       from entryParts in Gen.Choose(1, 4)
                       from prices in Gen.ArrayOf(Gen.Choose(9_000, 11_000), 12)
                       from fees in Gen.ArrayOf(Gen.Choose(-5, 50), 12)
                       from funding in Gen.ArrayOf(Gen.Choose(-300, 300), 3)
                       from takeProfitFills in Gen.Choose(0, 2)
                       from exitParts in Gen.Choose(1, 3)
                       select (isLong, entryParts, prices, fees, funding, takeProfitFills, exitParts);
        Prop.ForAll(Arb.From(scenario), s =>
        {
            var h = new OmsHarness();
            var plan = s.isLong
                ? OmsHarness.LongPlan(quantity: 1.2m, takeProfits: [new TakeProfit(110m, 0.25m), new TakeProfit(120m, 0.25m)])
                : OmsHarness.ShortPlan(quantity: 1.2m, takeProfits: [new TakeProfit(90m, 0.25m), new TakeProfit(80m, 0.25m)]);
            var trade = h.Oms.PlanTrade(plan, TradeEntry.Limit());
            var step = 0;
            decimal Price() => s.prices[step] / 100m;
            decimal Fee() => s.fees[step++] / 1000m;
            var entry = OmsHarness.Id(1, "e1");
            for (var part = 1; part < s.entryParts; part++)
            {
                h.Venue.Fill(entry, Price(), 0.1m, Fee());
            }

            h.Venue.Fill(entry, Price(), fee: Fee());
            h.Oms.OnFunding(new FundingPayment(ScriptedVenue.Perp, OmsHarness.Start, 0.0001m, 100m, 1.2m, s.funding[0] / 1000m));
            for (var tp = 1; tp <= s.takeProfitFills; tp++)
            {
                h.Venue.Fill(h.Venue.WorkingWith($"-t{tp}-").Single().ClientOrderId, Price(), fee: Fee());
                h.Oms.OnFunding(new FundingPayment(ScriptedVenue.Perp, OmsHarness.Start, 0.0001m, 100m, 1m, s.funding[tp] / 1000m));
            }

            h.Oms.CloseTrade(trade.TradeId, "property");
            var exit = OmsHarness.Id(1, "x1");
            for (var part = 1; part < s.exitParts; part++)
            {
                h.Venue.Fill(exit, Price(), 0.1m, Fee());
            }

            h.Venue.Fill(exit, Price(), fee: Fee());

            var fills = trade.EntryFills.Concat(trade.ExitFills).ToList();
            var expected = fills.Sum(f => f.SignedCashFlow) - fills.Sum(f => f.Fill.Fee) + trade.Funding;
            var funded = s.funding.Take(1 + s.takeProfitFills).Sum(f => f / 1000m);
            return trade.Status == TradeStatus.Closed && trade.NetPnl == expected && trade.Funding == funded
                && trade.EntryQuantity == trade.ExitQuantity && trade.RMultiple == trade.NetPnl / trade.InitialRisk;
        }).QuickCheckThrowOnFailure();
    }
}
