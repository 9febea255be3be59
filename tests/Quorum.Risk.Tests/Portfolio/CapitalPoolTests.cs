using Quorum.Risk.Portfolio;
using static Quorum.Risk.Tests.RiskTestData;

namespace Quorum.Risk.Tests.Portfolio;

public sealed class CapitalPoolTests
{
    private static SharedCapitalPool Pool() => new(10_000m, 80m, [KeyValuePair.Create("grid", 3_000m)]);

    [Fact]
    public void Allocate_RespectsTheBotCapAndTheGlobalUtilization()
    {
        var pool = Pool();

        pool.Allocate("grid", 3_000m).ShouldBeTrue();
        pool.Allocate("grid", 0.01m).ShouldBeFalse("grid's cap is 3 000");
        pool.Allocate("dca", 5_000m).ShouldBeTrue();
        pool.Utilization.ShouldBe(0.8m);
        pool.Available.ShouldBe(0m);
        pool.Allocate("dca", 0.01m).ShouldBeFalse("80 % of 10 000 is allocated");

        pool.Release("dca", 6_000m);
        pool.Allocated("dca").ShouldBe(0m, "never below 0");
        pool.TotalAllocated.ShouldBe(3_000m);
        pool.Available.ShouldBe(5_000m);
        pool.UpdateDeployed("grid", 2_500m);
        pool.Deployed("grid").ShouldBe(2_500m);
    }

    [Fact]
    public void CheckAllocation_GivesEachSeedStatus()
    {
        var manager = new PortfolioRiskManager(Pool(), maxSinglePairPercent: 50m, drawdownHaltPercent: 10m);

        var approved = manager.CheckAllocation("dca", 1_000m, balance: 5_000m, symbol: Btc);
        approved.Status.ShouldBe(RiskCheckStatus.Approved);
        manager.Pool.TotalAllocated.ShouldBe(0m, "APPROVED does not reserve");

        manager.CheckAllocation("dca", 3_000m, balance: 5_000m).Status.ShouldBe(RiskCheckStatus.RejectedPairLimit);
        manager.CheckAllocation("grid", 3_001m).Status.ShouldBe(RiskCheckStatus.RejectedExposure);
        manager.CheckAllocation("grid", 3_001m).StatusText.ShouldBe("REJECTED_EXPOSURE");

        manager.ConfirmAllocation("dca", 1_000m, Btc).ShouldBeTrue();
        manager.ActiveSymbols.ShouldBe([Btc]);
        var correlated = manager.CheckAllocation("grid", 500m, symbol: Eth);
        correlated.Status.ShouldBe(RiskCheckStatus.RejectedCorrelation);
        correlated.Reason.ShouldContain("0.85");
        manager.CheckAllocation("grid", 500m, symbol: Btc).Status.ShouldBe(RiskCheckStatus.Approved, "the same symbol is not a correlation");

        manager.ReleaseAllocation("dca", 1_000m, Btc);
        manager.ActiveSymbols.ShouldBeEmpty();
        manager.CheckAllocation("grid", 500m, symbol: Eth).Status.ShouldBe(RiskCheckStatus.Approved);
    }

    [Fact]
    public void PortfolioDrawdown_HaltsUntilAManualResume()
    {
        var manager = new PortfolioRiskManager(Pool(), 50m, drawdownHaltPercent: 10m);
        manager.UpdateAllBalances([KeyValuePair.Create("a", 5_000m), KeyValuePair.Create("b", 5_000m)]);
        manager.UpdateAllBalances([KeyValuePair.Create("a", 4_600m), KeyValuePair.Create("b", 4_401m)]); // −9.99 %
        manager.IsHalted.ShouldBeFalse();

        manager.UpdateAllBalances([KeyValuePair.Create("a", 4_600m), KeyValuePair.Create("b", 4_400m)]); // −10 %
        manager.IsHalted.ShouldBeTrue();
        manager.CheckAllocation("a", 1m).Status.ShouldBe(RiskCheckStatus.RejectedPortfolioHalted);
        manager.UpdateAllBalances([KeyValuePair.Create("a", 6_000m), KeyValuePair.Create("b", 6_000m)]);
        manager.IsHalted.ShouldBeTrue("only a manual resume lifts it");

        manager.Resume("alice", "checked");
        manager.CheckAllocation("a", 1m).Status.ShouldBe(RiskCheckStatus.Approved);
    }

    [Fact]
    public void BotRiskManager_ChecksSizeBalanceDailyLossAndHalts()
    {
        var bot = new RiskManager(new RiskManagerLimits(MinOrderSize: 10m, MaxPositionSize: 1_000m, MaxDailyLoss: 100m, StopLossPercent: 20m), 1_000m);

        bot.CheckOrderSize(9.99m).IsPassed.ShouldBeFalse();
        bot.CheckOrderSize(10m).IsPassed.ShouldBeTrue();
        bot.CheckTrade(500m, 500m, 1_000m).IsPassed.ShouldBeTrue("position + order = max");
        bot.CheckTrade(500.01m, 500m, 1_000m).Reason.ShouldContain("max position size");
        bot.CheckTrade(300m, 0m, 299m).Reason.ShouldContain("balance");

        bot.UpdateBalance(Day0, 1_000m);
        bot.UpdateBalance(Day0 + Hour, 900m);
        bot.DailyLoss.ShouldBe(100m);
        bot.IsHalted.ShouldBeFalse("a loss of exactly the limit is allowed");
        bot.UpdateBalance(Day0 + (2 * Hour), 899m);
        bot.IsHalted.ShouldBeTrue();
        bot.CheckTrade(10m, 0m, 899m).Reason.ShouldContain("halted");

        var floor = new RiskManager(new RiskManagerLimits(10m, 1_000m, 10_000m, 20m), 1_000m);
        floor.UpdateBalance(Day0, 800m);
        floor.IsHalted.ShouldBeFalse("800 is the floor, not below it");
        floor.UpdateBalance(Day0 + (30 * Hour), 799m);
        floor.IsHalted.ShouldBeTrue();
        floor.PeakBalance.ShouldBe(1_000m);
    }
}
