using Quorum.Core.Messaging;
using Quorum.Risk.Governance;
using Quorum.Risk.Portfolio;
using Quorum.Risk.Sizing;
using static Quorum.Risk.Tests.RiskTestData;

namespace Quorum.Risk.Tests;

public sealed class RiskGateTests
{
    private static (RiskGate Gate, List<RiskDecisionMade> Seen, IDisposable Subscription) Published()
    {
        var bus = new InProcessEventBus();
        var seen = new List<RiskDecisionMade>();
        var subscription = bus.Subscribe<RiskDecisionMade>(seen.Add);
        var governance = RepoGovernance;
        var gate = new RiskGate(new RiskEngine(governance), new Governor(governance, GovernanceHash, new InMemoryGovernorStateStore(), bus), new PortfolioAdmission(governance), bus);
        return (gate, seen, subscription);
    }

    [Fact]
    public void Evaluate_EveryDecisionIsPublishedWithItsReason()
    {
        var (gate, seen, subscription) = Published();
        using var _ = subscription;
        gate.OnEquity(Day0, 10_000m);

        var approved = gate.Evaluate(Long(), 10_000m, Context());
        gate.Admission.Positions.OnEntryFilled(approved.Plan!, 100m, approved.Plan!.Quantity);
        var resized = gate.Evaluate(Long(Xrp), 10_000m, Context(Xrp)); // 80 open + 80 > 150
        var denied = gate.Evaluate(Long(Sol), 10_000m, Context(Sol, atr: double.NaN));

        seen.Select(d => d.Verdict).ShouldBe([RiskVerdict.Approved, RiskVerdict.Resized, RiskVerdict.Denied]);
        seen[0].Plan.ShouldBe(approved.Plan);
        seen[0].Reason.ShouldBeEmpty();
        seen[1].Rule.ShouldBe(RiskRule.PortfolioRisk);
        seen[1].Plan!.Quantity.ShouldBe(17.5m);
        seen[2].Rule.ShouldBe(RiskRule.InvalidAtr);
        seen[2].Reason.ShouldContain("ATR NaN");
        seen[2].Strategy.ShouldBe("test");
        (gate.Approved, gate.Resized, gate.Denied).ShouldBe((1, 1, 1));
        resized.Plan!.RiskAmount.ShouldBe(70m);
        denied.Plan.ShouldBeNull();
    }

    [Fact]
    public void Evaluate_WhileLockedOrHalted_DeniesBeforeSizing()
    {
        var gate = Gate();
        gate.OnEquity(Day0, 10_000m);
        gate.OnEquity(Day0 + Hour, 9_820m);

        var locked = gate.Evaluate(Long(), 9_820m, Context(timeMs: Day0 + Hour));
        locked.Rule.ShouldBe(RiskRule.DailyLock);
        locked.Reason.ShouldNotBeNull().ShouldContain("daily loss lock");

        gate.OnEquity(Day0 + (2 * Hour), 9_640m); // −3.6 % from 10 000
        gate.Evaluate(Long(), 9_640m, Context(timeMs: Day0 + (2 * Hour))).Rule.ShouldBe(RiskRule.KillSwitch);
        gate.OnEquity(Day0 + (30 * Hour), 9_640m);
        gate.Evaluate(Long(), 9_640m, Context(timeMs: Day0 + (30 * Hour))).Rule.ShouldBe(RiskRule.KillSwitch, "the next day lifts the daily lock, not the kill switch");
    }

    [Fact]
    public void Evaluate_TakesTheOpenPositionFromTheBook()
    {
        var gate = Gate();
        gate.OnEquity(Day0, 10_000m);
        var first = gate.Evaluate(Long(), 10_000m, Context()).Plan!;
        gate.Admission.Positions.OnEntryFilled(first, 100m, first.Quantity);

        gate.Evaluate(Long(), 10_000m, Context(price: 99m)).Rule.ShouldBe(RiskRule.Martingale);
        var add = gate.Evaluate(Long(), 10_000m, Context(price: 104m));
        add.Verdict.ShouldBe(RiskVerdict.Approved);
        add.Plan!.RiskR.ShouldBe(0.3m);
        gate.Admission.Positions.OnEntryFilled(add.Plan, 104m, add.Plan.Quantity);
        var position = gate.Admission.Positions.Find(Btc)!.Value;
        position.Adds.ShouldBe(1);
        position.StopLoss.ShouldBe(add.Plan.StopLoss);
        position.OpenRisk.ShouldBe(0m, "the combined stop is at break-even or better");
    }
}
