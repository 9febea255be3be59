using Quorum.Core.Time;
using Quorum.Strategies.BuiltIn;
using static Quorum.Strategies.Tests.StrategyHarness;

namespace Quorum.Strategies.Tests;

public sealed class StrategyRegistryTests
{
    [Fact]
    public void BuiltIn_ListsBuyAndHoldAndEmaCross()
    {
        StrategyRegistry.BuiltIn.Names.ShouldContain("buy_and_hold");
        StrategyRegistry.BuiltIn.Names.ShouldContain("ema_cross");
        StrategyRegistry.BuiltIn.Names.ShouldBe(StrategyRegistry.BuiltIn.Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Create_WithoutParameters_UsesTheDefaults()
    {
        var strategy = (EmaCross)Create("ema_cross", Timeframe.H1);

        strategy.FastPeriod.ShouldBe(12);
        strategy.SlowPeriod.ShouldBe(26);
        strategy.Parameters.ToString().ShouldBe("fast=12 slow=26");
        strategy.Subscriptions.ShouldBe([new StrategySubscription(Btc, Timeframe.H1)]);
    }

    [Fact]
    public void Create_WithParameters_AppliesThem()
    {
        var strategy = (EmaCross)Create("ema_cross", Timeframe.H1, "fast=5", "slow=50");

        strategy.FastPeriod.ShouldBe(5);
        strategy.SlowPeriod.ShouldBe(50);
    }

    [Fact]
    public void Create_UnknownStrategy_NamesItAndListsTheKnownOnes()
    {
        var error = Should.Throw<ArgumentException>(() => Create("sma_cross", Timeframe.H1));

        error.Message.ShouldBe($"unknown strategy 'sma_cross' (allowed: {string.Join(", ", StrategyRegistry.BuiltIn.Names)})");
        error.Message.ShouldContain("buy_and_hold, ");
    }

    [Fact]
    public void Create_UnknownParameter_NamesItAndListsTheAllowedOnes()
    {
        var error = Should.Throw<ArgumentException>(() => Create("ema_cross", Timeframe.H1, "fats=5"));

        error.Message.ShouldBe(
            "strategy ema_cross has no parameter 'fats' (allowed: fast (integer 1 ≤ x ≤ 1000, default 12), slow (integer 2 ≤ x ≤ 5000, default 26))");
    }

    [Fact]
    public void Create_ParameterOfAStrategyWithoutParameters_SaysThereAreNone()
    {
        var error = Should.Throw<ArgumentException>(() => Create("buy_and_hold", Timeframe.H1, "fast=5"));

        error.Message.ShouldBe("strategy buy_and_hold has no parameter 'fast' (allowed: none)");
    }

    [Theory]
    [InlineData("fast=0", "strategy ema_cross: fast = 0 is out of range (integer 1 ≤ x ≤ 1000)")]
    [InlineData("fast=2.5", "strategy ema_cross: fast = 2.5 is not a whole number (integer 1 ≤ x ≤ 1000)")]
    [InlineData("slow=abc", "strategy ema_cross: slow='abc' is not a number (integer 2 ≤ x ≤ 5000)")]
    [InlineData("fast", "--param 'fast' is not of the form key=value (e.g. --param fast=12)")]
    public void Create_BadParameterValue_NamesTheValueAndTheRange(string assignment, string expected)
    {
        var error = Should.Throw<ArgumentException>(() => Create("ema_cross", Timeframe.H1, assignment));

        error.Message.ShouldBe(expected);
    }

    [Fact]
    public void Create_EmaCrossWithFastNotBelowSlow_IsRejected()
    {
        var error = Should.Throw<ArgumentException>(() => Create("ema_cross", Timeframe.H1, "fast=30"));

        error.Message.ShouldBe("strategy ema_cross: fast = 30 must be below slow = 26");
    }

    [Fact]
    public void Create_SameParameterTwice_IsRejected()
    {
        Should.Throw<ArgumentException>(() => Create("ema_cross", Timeframe.H1, "fast=5", "fast=6"))
            .Message.ShouldBe("strategy ema_cross: parameter 'fast' is given twice");
    }
}
