using Quorum.Core.Instruments;
using Quorum.Core.Trading;
using Quorum.Risk.Portfolio;
using static Quorum.Risk.Tests.RiskTestData;

namespace Quorum.Risk.Tests.Portfolio;

public sealed class PortfolioAdmissionTests
{
    private const decimal Equity = 10_000m;

    private static readonly Symbol Ada = Symbol.Parse("BINANCE:ADAUSDT.P");
    private static readonly Symbol Doge = Symbol.Parse("BINANCE:DOGEUSDT.P");
    private static readonly Symbol Ltc = Symbol.Parse("BINANCE:LTCUSDT.P");

    private static Plan PlanOf(Symbol symbol, decimal quantity, decimal entry = 100m, decimal stop = 96m, PositionSide side = PositionSide.Long) =>
        new(symbol, side, quantity, entry, stop, riskPercent: 0.8m);

    private static PortfolioAdmission Admission(PortfolioLimits? limits = null, params Plan[] open)
    {
        var admission = new PortfolioAdmission(RepoGovernance, limits);
        foreach (var plan in open)
        {
            admission.Positions.OnEntryFilled(plan, plan.Entry, plan.Quantity);
        }

        return admission;
    }

    [Fact]
    public void PortfolioRisk_At1_5Percent_IsApproved_AndAboveItTheNewPlanIsCut()
    {
        var admission = Admission(open: PlanOf(Btc, 20m)); // open risk 80 = 0.8 %

        var atLimit = PlanOf(Xrp, 17.5m); // 70: total 150 = 1.5 %
        admission.Admit(atLimit, Equity, Instrument(Xrp)).Verdict.ShouldBe(RiskVerdict.Approved);

        var decision = admission.Admit(PlanOf(Xrp, 20m), Equity, Instrument(Xrp)); // 80: total 1.6 %
        decision.Verdict.ShouldBe(RiskVerdict.Resized);
        decision.Rule.ShouldBe(RiskRule.PortfolioRisk);
        decision.Plan!.Quantity.ShouldBe(17.5m);
        decision.Reason.ShouldNotBeNull().ShouldContain("max_portfolio_r_pct 1.5%");
    }

    [Fact]
    public void PortfolioRisk_WithNoRoomLeft_IsDenied()
    {
        var admission = Admission(open: PlanOf(Btc, 37.5m)); // 150 = 1.5 %

        var decision = admission.Admit(PlanOf(Xrp, 20m), Equity, Instrument(Xrp));
        decision.Verdict.ShouldBe(RiskVerdict.Denied);
        decision.Rule.ShouldBe(RiskRule.PortfolioRisk);
    }

    [Fact]
    public void Leverage_At3_0IsApproved_AndAboveItIsCut()
    {
        var admission = Admission(open: PlanOf(Btc, 250m, stop: 99.9m)); // 25 000 notional
        var instrument = Instrument(Xrp);

        admission.Admit(PlanOf(Xrp, 50m, stop: 99.9m), Equity, instrument).Verdict.ShouldBe(RiskVerdict.Approved); // 30 000 = 3.0×
        var decision = admission.Admit(PlanOf(Xrp, 60m, stop: 99.9m), Equity, instrument); // 31 000 = 3.1×
        decision.Verdict.ShouldBe(RiskVerdict.Resized);
        decision.Rule.ShouldBe(RiskRule.Leverage);
        decision.Plan!.Quantity.ShouldBe(50m);
    }

    [Fact]
    public void NetExposure_AboveItsLimit_IsCut_WhileAnOffsettingShortIsNot()
    {
        var limits = new PortfolioLimits { MaxNetExposure = 1m };
        var admission = Admission(limits, PlanOf(Btc, 80m, stop: 99.9m)); // net +8 000
        var instrument = Instrument(Xrp);

        var longDecision = admission.Admit(PlanOf(Xrp, 30m, stop: 99.9m), Equity, instrument);
        longDecision.Rule.ShouldBe(RiskRule.NetExposure);
        longDecision.Plan!.Quantity.ShouldBe(20m);
        admission.Admit(PlanOf(Xrp, 30m, stop: 100.1m, side: PositionSide.Short), Equity, instrument).Verdict.ShouldBe(RiskVerdict.Approved);
    }

    [Fact]
    public void ConcurrentR_AtTheLimit_DeniesTheNextTrade_AndABreakEvenPositionDoesNotCount()
    {
        var admission = Admission(new PortfolioLimits { MaxConcurrentR = 3m }, PlanOf(Xrp, 1m), PlanOf(Ada, 1m), PlanOf(Doge, 1m));

        var decision = admission.Admit(PlanOf(Ltc, 1m), Equity, Instrument(Ltc));
        decision.Rule.ShouldBe(RiskRule.ConcurrentR);

        admission.Positions.TryMoveStop(Xrp, 100m).ShouldBeTrue();
        admission.Admit(PlanOf(Ltc, 1m), Equity, Instrument(Ltc)).Verdict.ShouldBe(RiskVerdict.Approved);
    }

    [Fact]
    public void Correlation_TwoCorrelatedPositionsAreAllowed_AThirdIsDenied()
    {
        var limits = new PortfolioLimits { MaxCorrelatedPositions = 2 };
        var admission = Admission(limits, PlanOf(Btc, 1m));
        admission.Admit(PlanOf(Eth, 1m), Equity, Instrument(Eth)).Verdict.ShouldBe(RiskVerdict.Approved, "BTC↔ETH 0.85: two correlated positions");
        admission.Positions.OnEntryFilled(PlanOf(Eth, 1m), 100m, 1m);

        admission.Correlations.SetCorrelation("ETH", "SOL", 0.70);
        admission.Correlations.SetCorrelation("BTC", "SOL", 0.70);
        admission.Admit(PlanOf(Sol, 1m), Equity, Instrument(Sol)).Verdict.ShouldBe(RiskVerdict.Approved, "|ρ| = 0.7 is not above 0.7");

        admission.Correlations.SetCorrelation("ETH", "SOL", 0.71);
        admission.Correlations.SetCorrelation("BTC", "SOL", 0.75);
        var denied = admission.Admit(PlanOf(Sol, 1m), Equity, Instrument(Sol));
        denied.Rule.ShouldBe(RiskRule.Correlation);
        denied.Reason.ShouldNotBeNull().ShouldContain("ρ=0.75");

        var three = Admission(new PortfolioLimits { MaxCorrelatedPositions = 3 }, PlanOf(Btc, 1m), PlanOf(Eth, 1m));
        three.Correlations.SetCorrelation("ETH", "SOL", 0.71);
        three.Admit(PlanOf(Sol, 1m), Equity, Instrument(Sol)).Verdict.ShouldBe(RiskVerdict.Approved, "three allowed when configured");
    }

    [Fact]
    public void Correlation_WhenEveryCandidateIsTooCorrelated_NoNewPositionOpens()
    {
        var admission = Admission(new PortfolioLimits { MaxCorrelatedPositions = 1 }, PlanOf(Btc, 1m));

        admission.Admit(PlanOf(Eth, 1m), Equity, Instrument(Eth)).Rule.ShouldBe(RiskRule.Correlation);
        admission.Admit(PlanOf(Sol, 1m), Equity, Instrument(Sol)).Rule.ShouldBe(RiskRule.Correlation);
        admission.Admit(PlanOf(Xrp, 1m), Equity, Instrument(Xrp)).Verdict.ShouldBe(RiskVerdict.Approved, "XRP has no default correlation");
    }

    [Fact]
    public void CorrelationMatrix_UsesTheSeedDefaultsUntil90DaysAreMeasured()
    {
        var matrix = new CorrelationMatrix();
        matrix.Correlation(Btc, Eth).ShouldBe(0.85);
        matrix.Correlation("SOL", "BTC").ShouldBe(0.75);
        matrix.Correlation(Btc, Xrp).ShouldBe(0.0);
        matrix.Correlation(Btc, Btc).ShouldBe(1.0);

        // XRP moves exactly against BTC: log returns are negatives of each other, ρ = −1.
        var random = new Random(42);
        var price = 100.0;
        for (var day = 0; day <= 91; day++)
        {
            price *= 1.0 + ((random.NextDouble() - 0.5) * 0.1);
            var time = Day0 + (day * 24 * Hour) + (12 * Hour);
            matrix.OnPrice(Btc, time, (decimal)price);
            matrix.OnPrice(Eth, time, (decimal)(price * 2.0));
            matrix.OnPrice(Xrp, time, (decimal)(10_000.0 / price));
            if (day == 89)
            {
                matrix.IsMeasured("BTC", "XRP").ShouldBeFalse("89 returns");
            }
        }

        matrix.IsMeasured("BTC", "XRP").ShouldBeTrue();
        matrix.Correlation(Btc, Xrp).ShouldBe(-1.0, 1e-6);
        matrix.Correlation(Btc, Eth).ShouldBe(1.0, 1e-6);
    }
}
