using Quorum.Core.Trading;
using Quorum.Execution.Oms;
using Quorum.Execution.Venues;

namespace Quorum.Execution.Tests.Oms;

public sealed class OrderStateMachineTests
{
    [Theory]
    [InlineData(OrderStatus.New, OrderStatus.Submitted)]
    [InlineData(OrderStatus.Submitted, OrderStatus.Accepted)]
    [InlineData(OrderStatus.Submitted, OrderStatus.Unknown)]
    [InlineData(OrderStatus.Accepted, OrderStatus.PartiallyFilled)]
    [InlineData(OrderStatus.PartiallyFilled, OrderStatus.Filled)]
    [InlineData(OrderStatus.PartiallyFilled, OrderStatus.Canceled)]
    [InlineData(OrderStatus.Accepted, OrderStatus.Expired)]
    [InlineData(OrderStatus.Unknown, OrderStatus.Accepted)]
    [InlineData(OrderStatus.Unknown, OrderStatus.Rejected)]
    public void IsAllowed_LifecycleStep_IsAllowed(OrderStatus from, OrderStatus to) => OrderStateMachine.IsAllowed(from, to).ShouldBeTrue();

    [Theory]
    [InlineData(OrderStatus.New, OrderStatus.Filled)]
    [InlineData(OrderStatus.Accepted, OrderStatus.Rejected)]
    [InlineData(OrderStatus.Accepted, OrderStatus.Submitted)]
    [InlineData(OrderStatus.Filled, OrderStatus.Accepted)]
    [InlineData(OrderStatus.Canceled, OrderStatus.Filled)]
    [InlineData(OrderStatus.Rejected, OrderStatus.Accepted)]
    [InlineData(OrderStatus.Expired, OrderStatus.Canceled)]
    public void IsAllowed_IllegalStep_IsRefused(OrderStatus from, OrderStatus to) => OrderStateMachine.IsAllowed(from, to).ShouldBeFalse();

    [Fact]
    public void Terminal_States_AllowNothing()
    {
        foreach (var from in Enum.GetValues<OrderStatus>().Where(s => s.IsTerminal()))
        {
            Enum.GetValues<OrderStatus>().ShouldAllBe(to => !OrderStateMachine.IsAllowed(from, to));
        }
    }

    [Fact]
    public void Report_AcceptedAfterFilled_ThrowsNamingTheOrderAndBothStates()
    {
        var h = new OmsHarness();
        h.Oms.PlanTrade(OmsHarness.LongPlan());
        var entry = OmsHarness.Id(1, "e1");
        h.Venue.Fill(entry, 100m);

        var error = Should.Throw<InvalidOperationException>(() => h.Venue.Send(
            new ExecutionReport(ExecutionReportKind.Accepted, entry, ScriptedVenue.Perp, OmsHarness.Start, OmsHarness.Start)));

        error.Message.ShouldContain(entry);
        error.Message.ShouldContain("Filled → Accepted");
    }

    [Fact]
    public void Order_History_RecordsEveryStep()
    {
        var h = new OmsHarness();
        h.Oms.PlanTrade(OmsHarness.LongPlan());
        var entry = OmsHarness.Id(1, "e1");
        h.Venue.Fill(entry, 100m, 0.4m);
        h.Venue.Fill(entry, 100m);

        var history = h.Oms.GetOrder(entry).History.Select(c => $"{c.From}->{c.To}").ToList();

        history.ShouldBe(["New->Submitted", "Submitted->Accepted", "Accepted->PartiallyFilled", "PartiallyFilled->Filled"]);
        h.Oms.GetOrder(entry).Order.VenueOrderId.ShouldBe("V1");
    }
}
