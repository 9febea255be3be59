using Quorum.Configuration;
using Quorum.Core.Messaging;
using Quorum.Risk.Governance;
using Quorum.TestKit;
using static Quorum.Risk.Tests.RiskTestData;

namespace Quorum.Risk.Tests.Governance;

public sealed class GovernorTests
{
    [Fact]
    public void DailyLock_JustBelow1_8Percent_DoesNotLock()
    {
        var governor = Governor();
        governor.OnEquity(Day0, 10_000m);
        governor.OnEquity(Day0 + Hour, 9_821m); // −1.79 %

        governor.DailyLocked.ShouldBeFalse();
        governor.State.ShouldBe(TradingState.Active);
        governor.CheckEntry(Day0 + Hour).ShouldBe(RiskRule.None);
    }

    [Fact]
    public void DailyLock_At1_8Percent_LocksNewExposureUntilTheNextUtcDay()
    {
        var governor = Governor();
        governor.OnEquity(Day0, 10_000m);
        governor.OnEquity(Day0 + (5 * Hour), 9_820m); // −1.80 %

        governor.DailyLocked.ShouldBeTrue();
        governor.DailyLockUntilMs.ShouldBe(Day0 + (24 * Hour));
        governor.State.ShouldBe(TradingState.Reducing);
        governor.DailyLockState.ShouldBe(1);
        governor.CheckEntry(Day0 + (23 * Hour)).ShouldBe(RiskRule.DailyLock);
        governor.OnEquity(Day0 + (6 * Hour), 10_500m);
        governor.DailyLocked.ShouldBeTrue("a recovery the same day does not lift it");

        governor.CheckEntry(Day0 + (24 * Hour)).ShouldBe(RiskRule.None);
        governor.DailyLockState.ShouldBe(0);
        governor.Events.Select(e => e.Kind).ShouldBe([GovernorEventKind.DailyLockEngaged, GovernorEventKind.DailyLockReleased]);
        governor.Events[0].Reason.ShouldContain("max_daily_loss_pct 1.8%");
    }

    [Fact]
    public void DailyLoss_IsMeasuredFromTheUtcDaysFirstEquity()
    {
        var governor = Governor();
        governor.OnEquity(Day0 + (20 * Hour), 10_000m);
        governor.OnEquity(Day0 + (23 * Hour), 9_900m); // −1 % on day 0
        governor.OnEquity(Day0 + (25 * Hour), 9_800m); // day 1 starts at 9 800
        governor.OnEquity(Day0 + (26 * Hour), 9_700m); // −1.02 % on day 1

        governor.DailyLocked.ShouldBeFalse();
    }

    [Fact]
    public void KillSwitch_JustBelow3_5PercentOver72h_DoesNotEngage()
    {
        var governor = Governor();
        governor.OnEquity(Day0, 10_000m);
        governor.OnEquity(Day0 + (30 * Hour), 9_651m); // −3.49 %

        governor.KillSwitchEngaged.ShouldBeFalse();
        governor.Drawdown72hPercent.ShouldBe(3.49m);
    }

    [Fact]
    public void KillSwitch_At3_5PercentFromThe72hPeak_HaltsAndIsPersisted()
    {
        var store = new InMemoryGovernorStateStore();
        var governor = Governor(store);
        governor.OnEquity(Day0, 10_000m);
        governor.OnEquity(Day0 + (24 * Hour), 10_200m);
        governor.OnEquity(Day0 + (60 * Hour), 9_843m); // (10 200 − 9 843) / 10 200 = 3.5 %

        governor.KillSwitchEngaged.ShouldBeTrue();
        governor.State.ShouldBe(TradingState.Halted);
        governor.DrawdownState.ShouldBe(1);
        governor.CheckEntry(Day0 + (61 * Hour)).ShouldBe(RiskRule.KillSwitch);
        store.Load().ShouldNotBeNull().KillSwitchEngaged.ShouldBeTrue();
        store.Load()!.KillSwitchEngagedAtMs.ShouldBe(Day0 + (60 * Hour));
        store.Load()!.GovernanceSha256.ShouldBe(GovernanceHash);
    }

    [Fact]
    public void KillSwitch_APeakOlderThan72h_IsOutOfTheWindow()
    {
        var governor = Governor();
        governor.OnEquity(Day0, 10_000m);
        governor.OnEquity(Day0 + Hour, 9_900m);
        governor.OnEquity(Day0 + (73 * Hour), 9_640m); // −3.6 % from the old peak, −2.63 % from 9 900

        governor.KillSwitchEngaged.ShouldBeFalse();
        governor.Drawdown72hPercent.ShouldBe(2.62626262626262626262626263m, 0.0000001m);
    }

    [Fact]
    public void KillSwitch_SurvivesARestart_AndOnlyTheUnlockLiftsIt()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("risk", FileGovernorStateStore.DefaultFileName);
        var first = Governor(new FileGovernorStateStore(path));
        first.OnEquity(Day0, 10_000m);
        first.OnEquity(Day0 + Hour, 9_600m); // −4 %: daily lock and kill switch
        first.KillSwitchEngaged.ShouldBeTrue();

        var restarted = Governor(new FileGovernorStateStore(path));
        restarted.KillSwitchEngaged.ShouldBeTrue("the halt survives the restart");
        restarted.OnEquity(Day0 + (200 * Hour), 12_000m);
        restarted.CheckEntry(Day0 + (200 * Hour)).ShouldBe(RiskRule.KillSwitch, "days and a recovery do not lift it");

        Should.Throw<ArgumentException>(() => restarted.Unlock("alice", " ", Day0 + (201 * Hour))).Message.ShouldContain("reason");
        restarted.KillSwitchEngaged.ShouldBeTrue();

        restarted.Unlock("alice", "reviewed the crash, limits unchanged", Day0 + (201 * Hour)).ShouldBeTrue();
        restarted.State.ShouldBe(TradingState.Active);

        var again = new FileGovernorStateStore(path);
        Governor(again).KillSwitchEngaged.ShouldBeFalse();
        var audit = again.ReadAudit().ShouldHaveSingleItem();
        audit.Operator.ShouldBe("alice");
        audit.Reason.ShouldBe("reviewed the crash, limits unchanged");
        audit.EngagedAtMs.ShouldBe(Day0 + Hour);
        File.Exists(again.AuditPath).ShouldBeTrue();
    }

    [Fact]
    public void DailyLock_SurvivesARestartWithinItsDay()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine(FileGovernorStateStore.DefaultFileName);
        var first = Governor(new FileGovernorStateStore(path));
        first.OnEquity(Day0, 10_000m);
        first.OnEquity(Day0 + Hour, 9_800m);

        var restarted = Governor(new FileGovernorStateStore(path));
        restarted.DailyLocked.ShouldBeTrue();
        restarted.PersistedState.DailyLockReason.ShouldContain("max_daily_loss_pct");
        restarted.CheckEntry(Day0 + (2 * Hour)).ShouldBe(RiskRule.DailyLock);
        restarted.CheckEntry(Day0 + (24 * Hour)).ShouldBe(RiskRule.None);
        new FileGovernorStateStore(path).Load()!.DailyLockUntilMs.ShouldBeNull("the release is saved too");
    }

    [Fact]
    public void Unlock_RestartsThe72hWindowFromTheNextEquity()
    {
        var governor = Governor();
        governor.OnEquity(Day0, 10_000m);
        governor.OnEquity(Day0 + Hour, 9_600m);
        governor.Unlock("bob", "manual review", Day0 + (2 * Hour));

        governor.OnEquity(Day0 + (3 * Hour), 9_600m);
        governor.KillSwitchEngaged.ShouldBeFalse("the old peak no longer counts");
        governor.Unlock("bob", "nothing to unlock", Day0 + (4 * Hour)).ShouldBeFalse();
    }

    [Theory]
    [InlineData(1500, false)]
    [InlineData(-1500, false)]
    [InlineData(1501, true)]
    [InlineData(-1501, true)]
    public void ClockDrift_AboveNtpSkew_Pauses(long driftMs, bool paused)
    {
        var governor = Governor();
        governor.ReportClockDrift(Day0, driftMs);

        governor.HealthPaused.ShouldBe(paused);
        governor.CheckEntry(Day0).ShouldBe(paused ? RiskRule.HealthPause : RiskRule.None);
    }

    [Fact]
    public void RequiredStreamLost_Pauses_AndAnUnrequiredStreamDoesNot()
    {
        var governor = Governor();
        governor.ReportStream(Day0, FeedStreams.Orderbook, healthy: false);
        governor.State.ShouldBe(TradingState.Active, "orderbook is not in require_streams");

        governor.ReportStream(Day0, FeedStreams.Funding, healthy: false);
        governor.State.ShouldBe(TradingState.Reducing);
        governor.Describe(RiskRule.HealthPause).ShouldContain("'funding' lost");

        governor.ReportStream(Day0 + 1, FeedStreams.Funding, healthy: true);
        governor.State.ShouldBe(TradingState.Active);
        governor.Events.Select(e => e.Kind).ShouldBe([GovernorEventKind.HealthPaused, GovernorEventKind.HealthResumed]);
        Should.Throw<ArgumentOutOfRangeException>(() => governor.ReportStream(Day0, "trades", false));
    }

    [Fact]
    public void CandleIntegrityFailure_PausesUntilIntact()
    {
        var governor = Governor();
        governor.ReportCandleIntegrity(Day0, intact: false, "gap of 3 bars at 2021-01-01 05:00");
        governor.CheckEntry(Day0).ShouldBe(RiskRule.HealthPause);
        governor.Describe(RiskRule.HealthPause).ShouldContain("gap of 3 bars");

        governor.ReportCandleIntegrity(Day0 + 1, intact: true);
        governor.CheckEntry(Day0 + 1).ShouldBe(RiskRule.None);
    }

    [Fact]
    public void Changes_ArePublishedOnTheEventBus()
    {
        var bus = new InProcessEventBus();
        var seen = new List<GovernorEvent>();
        using var subscription = bus.Subscribe<GovernorEvent>(seen.Add);
        var governor = new Governor(RepoGovernance, GovernanceHash, new InMemoryGovernorStateStore(), bus);

        governor.OnEquity(Day0, 10_000m);
        governor.OnEquity(Day0 + Hour, 9_600m);

        seen.Select(e => e.Kind).ShouldBe([GovernorEventKind.DailyLockEngaged, GovernorEventKind.KillSwitchEngaged]);
        seen[1].State.ShouldBe(TradingState.Halted);
    }

    [Fact]
    public void TimeGoingBackwards_Throws()
    {
        var governor = Governor();
        governor.OnEquity(Day0 + Hour, 10_000m);

        Should.Throw<ArgumentOutOfRangeException>(() => governor.OnEquity(Day0, 10_000m)).Message.ShouldContain("backwards");
    }

    [Fact]
    public void GovernanceHash_IsExposed()
    {
        Governor().GovernanceSha256.ShouldBe(GovernanceHash);
        GovernanceHash.Length.ShouldBe(64);
    }
}
