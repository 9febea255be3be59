using Quorum.Configuration;
using Quorum.Core.Trading;
using Quorum.Risk.Portfolio;
using Quorum.Risk.Sizing;
using static Quorum.Risk.Tests.RiskTestData;

namespace Quorum.Risk.Tests.Sizing;

public sealed class RiskEngineTests
{
    private const decimal Equity = 10_000m;

    private static RiskEngine Engine(GovernanceConfig? governance = null)
    {
        var engine = new RiskEngine(governance ?? RepoGovernance);
        engine.OnEquity(Day0, Equity);
        return engine;
    }

    private static Plan Planned(RiskDecision decision)
    {
        decision.Verdict.ShouldBe(RiskVerdict.Approved, decision.ToString());
        return decision.Plan!;
    }

    [Fact]
    public void Plan_BaseRisk_Is0_8PercentOfEquityOverTheAtrStop()
    {
        // budget 10 000 × 0.8 % = 80; stop 100 − 2×ATR 2 = 96; quantity 80 / 4 = 20
        var plan = Planned(Engine().Plan(Long(), Equity, Context()));

        plan.StopLoss.ShouldBe(96m);
        plan.Quantity.ShouldBe(20m);
        plan.RiskAmount.ShouldBe(80m);
        plan.RiskPercent.ShouldBe(0.8m);
        plan.RiskR.ShouldBe(1m);
        plan.Metadata[PlanMetadataKeys.Strategy].ShouldBe("test");
    }

    [Fact]
    public void Plan_SizeIsInverselyProportionalToAtr()
    {
        // ATR 4: stop 92, 80 / 8 = 10 (half of the ATR-2 size)
        Planned(Engine().Plan(Long(), Equity, Context(atr: 4.0))).Quantity.ShouldBe(10m);
        Planned(Engine().Plan(Long(), Equity, Context(atr: 1.0))).Quantity.ShouldBe(40m);
    }

    [Fact]
    public void Plan_Short_StopAboveEntry()
    {
        var plan = Planned(Engine().Plan(Short(), Equity, Context()));

        plan.StopLoss.ShouldBe(104m);
        plan.Quantity.ShouldBe(20m);
        plan.TakeProfits.Select(t => t.Price).ShouldBe([96m, 92m]);
    }

    [Fact]
    public void GreenBonus_BelowAndAtTheTrigger_AddsPointThreePercentagePoints()
    {
        var engine = Engine();
        engine.OnTradeClosed(Day0 + Hour, 49.99m, 10_049.99m); // day PnL 0.4999 % < 0.5 %
        engine.GreenBonusActive.ShouldBeFalse();
        engine.RiskPercent(highVolatility: false).ShouldBe(0.8m);

        engine.OnTradeClosed(Day0 + (2 * Hour), 0.01m, 10_050m); // 0.5 % exactly
        engine.GreenBonusActive.ShouldBeTrue();
        engine.RiskPercent(highVolatility: false).ShouldBe(1.1m);

        // 10 000 × 1.1 % = 110 over 4 = 27.5
        Planned(engine.Plan(Long(), Equity, Context(timeMs: Day0 + (2 * Hour)))).Quantity.ShouldBe(27.5m);
    }

    [Fact]
    public void GreenBonus_AfterTheFirstPullBack_IsDroppedForTheRestOfTheDay()
    {
        var engine = Engine();
        engine.OnTradeClosed(Day0 + Hour, 100m, 10_100m);
        engine.GreenBonusActive.ShouldBeTrue();

        engine.OnTradeClosed(Day0 + (2 * Hour), -1m, 10_099m);
        engine.GreenBonusActive.ShouldBeFalse();
        engine.OnTradeClosed(Day0 + (3 * Hour), 200m, 10_299m);
        engine.GreenBonusActive.ShouldBeFalse("dropped until the next UTC day");

        engine.OnEquity(Day0 + (24 * Hour), 10_299m);
        engine.OnTradeClosed(Day0 + (25 * Hour), 51.5m, 10_350.5m); // 51.5 / 10 299 = 0.50005 %
        engine.GreenBonusActive.ShouldBeTrue();
    }

    [Fact]
    public void Plan_WhenGreenBonusActive_RiskIsCappedAt1_1Percent()
    {
        // base 1.0 + bonus 0.3 = 1.3 is cut to per_trade_r_pct_cap 1.1 (built past the loader's rule to test the engine's own cap)
        var engine = Engine(RepoGovernance with { PerTradeRiskPercentBase = 1.0m });
        engine.OnTradeClosed(Day0 + Hour, 100m, 10_100m);

        engine.RiskPercent(highVolatility: false).ShouldBe(1.1m);
        Planned(engine.Plan(Long(), Equity, Context(timeMs: Day0 + Hour))).RiskAmount.ShouldBe(110m);
    }

    [Fact]
    public void DynamicReduction_AfterThreeLossesInARow_DropsPointTwoUntilFiveWins()
    {
        var engine = Engine();
        var t = Day0;
        var equity = Equity;
        void Close(decimal pnl)
        {
            t += Hour;
            equity += pnl;
            engine.OnTradeClosed(t, pnl, equity);
        }

        Close(-10m);
        Close(-10m);
        engine.RiskPercent(false).ShouldBe(0.8m, "2 losses");
        Close(5m);
        Close(-10m);
        Close(-10m);
        engine.RiskPercent(false).ShouldBe(0.8m, "a win broke the streak");
        Close(-10m);
        engine.LossStreakReductionActive.ShouldBeTrue();
        engine.RiskPercent(false).ShouldBe(0.6m, "3 losses in a row");
        Planned(engine.Plan(Long(), Equity, Context(timeMs: t))).Quantity.ShouldBe(15m); // 60 / 4

        for (var i = 0; i < 4; i++)
        {
            Close(1m);
        }

        engine.RiskPercent(false).ShouldBe(0.6m, "4 wins");
        Close(1m);
        engine.RiskPercent(false).ShouldBe(0.8m, "5 wins restore the base");
    }

    [Fact]
    public void DynamicReduction_AtrAboveItsPercentile_DropsPointTwoWhileItLasts()
    {
        var engine = Engine();

        Planned(engine.Plan(Long(), Equity, Context(atr: 2.0, atrHigh: 2.0))).RiskPercent.ShouldBe(0.8m, "at the percentile is not above it");
        var high = Planned(engine.Plan(Long(), Equity, Context(atr: 2.0, atrHigh: 1.99)));
        high.RiskPercent.ShouldBe(0.6m);
        high.Quantity.ShouldBe(15m);
        Planned(engine.Plan(Long(), Equity, Context(atr: 2.0, atrHigh: 2.5))).RiskPercent.ShouldBe(0.8m, "volatility fell back");
    }

    [Fact]
    public void DynamicReduction_LossesAndHighAtrTogether_ReduceOnce()
    {
        var engine = Engine();
        for (var i = 1; i <= 3; i++)
        {
            engine.OnTradeClosed(Day0 + (i * Hour), -1m, Equity - i);
        }

        engine.RiskPercent(highVolatility: true).ShouldBe(0.6m);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.PositiveInfinity)]
    public void Plan_WithNaNOrNonPositiveAtr_IsDeniedNotSized(double atr)
    {
        var decision = Engine().Plan(Long(), Equity, Context(atr: atr));

        decision.Verdict.ShouldBe(RiskVerdict.Denied);
        decision.Rule.ShouldBe(RiskRule.InvalidAtr);
        decision.Plan.ShouldBeNull();
        decision.Reason.ShouldNotBeNull().ShouldContain("ATR");
    }

    [Fact]
    public void Plan_WithTheStrategyStopOnTheWrongSide_IsDenied()
    {
        var longDecision = Engine().Plan(Long(exits: new ExitSpec(stopPrice: 101m)), Equity, Context());
        longDecision.Rule.ShouldBe(RiskRule.StopSide);
        longDecision.Reason.ShouldNotBeNull().ShouldContain("wrong side");

        Engine().Plan(Short(exits: new ExitSpec(stopPrice: 99m)), Equity, Context()).Rule.ShouldBe(RiskRule.StopSide);
        Engine().Plan(Long(exits: new ExitSpec(stopPrice: 100m)), Equity, Context()).Rule.ShouldBe(RiskRule.StopSide, "a stop at the entry");
    }

    [Fact]
    public void Plan_WhenTheAtrStopWouldBeBelowZero_IsDenied()
    {
        Engine().Plan(Long(), Equity, Context(atr: 60.0)).Rule.ShouldBe(RiskRule.StopSide);
    }

    [Fact]
    public void Plan_BelowTheInstrumentMinimums_IsDeniedWithTheReason()
    {
        // equity 1: 0.008 / 4 = 0.002 ≥ min quantity 0.001, but notional 0.2 < min notional 5
        var notional = Engine().Plan(Long(), 1m, Context());
        notional.Rule.ShouldBe(RiskRule.ExchangeFilter);
        notional.Reason.ShouldNotBeNull().ShouldContain("minimum notional 5");

        // equity 0.4: 0.0032 / 4 = 0.0008, floored to the step 0.001 → 0
        var quantity = Engine().Plan(Long(), 0.4m, Context());
        quantity.Rule.ShouldBe(RiskRule.ExchangeFilter);
        quantity.Reason.ShouldNotBeNull().ShouldContain("minimum quantity 0.001");
    }

    [Fact]
    public void Plan_AboveTheInstrumentMaximum_IsResizedToIt()
    {
        var context = Context() with { Instrument = Instrument(maxQuantity: 10m) };
        var decision = Engine().Plan(Long(), Equity, context);

        decision.Verdict.ShouldBe(RiskVerdict.Resized);
        decision.Rule.ShouldBe(RiskRule.ExchangeFilter);
        decision.Plan!.Quantity.ShouldBe(10m);
    }

    [Fact]
    public void Plan_RoundsEntryAndStopToTheTickAndQuantityToTheStep_NeverAboveTheBudget()
    {
        // entry 101.234 → 101.23; stop 101.23 − 2×1.234567 = 98.760866 → down to 98.76; R/unit 2.47; 80 / 2.47 = 32.3886… → 32.388
        var plan = Planned(Engine().Plan(Long(entry: 101.234m), Equity, Context(atr: 1.234567)));

        plan.Entry.ShouldBe(101.23m);
        plan.StopLoss.ShouldBe(98.76m);
        plan.Quantity.ShouldBe(32.388m);
        plan.RiskAmount.ShouldBeLessThanOrEqualTo(80m);
    }

    [Fact]
    public void Plan_DefaultExits_ComeFromPositionManagement()
    {
        var plan = Planned(Engine().Plan(Long(), Equity, Context()));

        plan.TakeProfits.Select(t => (t.Price, t.Fraction)).ShouldBe([(104m, 0.25m), (108m, 0.25m)]);
        plan.RunnerFraction.ShouldBe(0.5m);
        plan.Trail.ShouldBe(TrailSpec.Atr(1.8m));
        plan.Metadata[PlanMetadataKeys.BreakEvenAtR].ShouldBe(0.6m);
    }

    [Fact]
    public void Plan_StrategyExits_WinWhereTheyAreTighter()
    {
        var exits = new ExitSpec(stopPrice: 95m, takeProfits: [new TakeProfitAtR(1.5m, 0.5m)], trail: TrailSpec.Atr(1.5m), timeStopMs: 3_600_000, breakEvenAtR: 0.5m);
        var plan = Planned(Engine().Plan(Long(exits: exits), Equity, Context()));

        plan.StopLoss.ShouldBe(95m);
        plan.Quantity.ShouldBe(16m); // 80 / 5
        plan.TakeProfits.Select(t => (t.Price, t.Fraction)).ShouldBe([(107.5m, 0.5m)]);
        plan.Trail.ShouldBe(TrailSpec.Atr(1.5m));
        plan.Metadata[PlanMetadataKeys.BreakEvenAtR].ShouldBe(0.5m);
        plan.Metadata[PlanMetadataKeys.TimeStopMs].ShouldBe(3_600_000L);
    }

    [Fact]
    public void Plan_LooserStrategyTrailAndBreakEven_AreReplacedByGovernance()
    {
        var exits = new ExitSpec(stopAtrMultiple: 1.5m, trail: TrailSpec.Atr(2.5m), breakEvenAtR: 1m);
        var plan = Planned(Engine().Plan(Long(exits: exits), Equity, Context()));

        plan.StopLoss.ShouldBe(97m); // 1.5 × 2
        plan.Trail.ShouldBe(TrailSpec.Atr(1.8m));
        plan.Metadata[PlanMetadataKeys.BreakEvenAtR].ShouldBe(0.6m);
        Planned(Engine().Plan(Long(exits: new ExitSpec(trail: TrailSpec.Percent(1m))), Equity, Context())).Trail.ShouldBe(TrailSpec.Percent(1m), "1 % of 100 = 1 < 3.6");
    }

    private static OpenPosition LongPosition(decimal mark, int adds = 0) =>
        new(Btc, PositionSide.Long, 20m, 100m, 96m, 4m, 80m, 1m, mark, adds);

    [Fact]
    public void Pyramiding_AtPlusOneR_AddsPointThreeRWithTheCombinedStopAtBreakEven()
    {
        // K = 0.3 × 80 = 24; open profit 20 × 4 = 80; q = 24 × 20 / (80 − 24) = 8.5714… → 8.571
        var decision = Engine().Plan(Long(), Equity, Context(price: 104m, position: LongPosition(104m)));
        var plan = Planned(decision);

        plan.Quantity.ShouldBe(8.571m);
        plan.RiskR.ShouldBe(0.3m);
        var breakEven = ((20m * 100m) + (8.571m * 104m)) / 28.571m; // 101.1999…
        plan.StopLoss.ShouldBe(101.20m);
        plan.StopLoss.ShouldBeGreaterThanOrEqualTo(breakEven);
        plan.Metadata[PlanMetadataKeys.CombinedStop].ShouldBe(101.20m);
        plan.RiskAmount.ShouldBeLessThanOrEqualTo(24m);
        plan.TakeProfits.ShouldBeEmpty();
    }

    [Fact]
    public void Pyramiding_JustBelowPlusOneR_IsDenied()
    {
        var decision = Engine().Plan(Long(), Equity, Context(price: 103.96m, position: LongPosition(103.96m)));

        decision.Rule.ShouldBe(RiskRule.Pyramiding);
        decision.Reason.ShouldNotBeNull().ShouldContain("+0.99R");
    }

    [Theory]
    [InlineData(100)]
    [InlineData(99.99)]
    [InlineData(90)]
    public void AddingToALoser_IsRefusedUnderNoMartingale(decimal price)
    {
        var decision = Engine().Plan(Long(), Equity, Context(price: price, position: LongPosition(price)));

        decision.Verdict.ShouldBe(RiskVerdict.Denied);
        decision.Rule.ShouldBe(RiskRule.Martingale);
        decision.Reason.ShouldNotBeNull().ShouldContain("no_martingale");
    }

    [Fact]
    public void AddingToALoser_WithTheDcaOptIn_IsSizedAsAnAveragingDownEntry()
    {
        var engine = Engine(RepoGovernance with { NoMartingale = false });
        var plan = Planned(engine.Plan(Long(), Equity, Context(price: 99m, position: LongPosition(99m))));

        plan.Metadata.ContainsKey(PlanMetadataKeys.AveragingDown).ShouldBeTrue();
        plan.RiskAmount.ShouldBeLessThanOrEqualTo(80m);
    }

    [Fact]
    public void Pyramiding_WhenOffOrAlreadyAdded_IsDenied()
    {
        Engine(RepoGovernance with { Pyramiding = PyramidingPolicy.Off })
            .Plan(Long(), Equity, Context(price: 104m, position: LongPosition(104m))).Rule.ShouldBe(RiskRule.Pyramiding);
        Engine().Plan(Long(), Equity, Context(price: 110m, position: LongPosition(110m, adds: 1))).Rule.ShouldBe(RiskRule.Pyramiding);
    }

    [Fact]
    public void Plan_AgainstAnOppositePosition_IsDenied()
    {
        Engine().Plan(Short(), Equity, Context(position: LongPosition(100m))).Rule.ShouldBe(RiskRule.OppositePosition);
    }
}
