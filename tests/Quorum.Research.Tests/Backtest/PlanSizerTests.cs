using Quorum.Core.Instruments;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Research.Backtest;
using Quorum.Strategies;

namespace Quorum.Research.Tests.Backtest;

public sealed class PlanSizerTests
{
    private static readonly Instrument Spot = new(Symbol.Parse("BINANCE:BTCUSDT"), new InstrumentFilters(0.01m, 0.001m, 0.001m, 5m));

    private static Signal Entry(decimal price = 100m) => new(
        Spot.Symbol, PositionSide.Long, "ema_cross", 1.0, 3_600_000, entry: price, timeframe: Timeframe.H1, reason: "cross",
        metadata: [KeyValuePair.Create<string, object>(StrategySignals.IntentKey, "entry")]);

    [Fact]
    public void RiskPercent_RisksOnePercentOfEquityToATwoAtrStop()
    {
        // equity 10 000, risk 1 % = 100; ATR 2.5 → stop 100 − 2 × 2.5 = 95; quantity 100 / 5 = 20 (cash cap 10 000 × 0.99 / 100 = 99).
        var decision = new RiskPercentPlanSizer(1m).Size(Entry(), new SizingContext(Spot, 10_000m, 10_000m, 100m, 2.5));

        var plan = decision.Plan.ShouldNotBeNull();
        plan.Quantity.ShouldBe(20m);
        plan.StopLoss.ShouldBe(95m);
        plan.Entry.ShouldBe(100m);
        plan.RiskAmount.ShouldBe(100m);
        plan.RiskPercent.ShouldBe(1m);
        plan.Metadata["strategy"].ShouldBe("ema_cross");
    }

    [Fact]
    public void RiskPercent_WhenTheStopIsTight_IsCappedByCash()
    {
        // ATR 0.05 → stop 99.90; by risk 100 / 0.1 = 1 000 units, by cash 5 000 × 0.99 / 100 = 49.5 → 49.5.
        var decision = new RiskPercentPlanSizer(1m).Size(Entry(), new SizingContext(Spot, 10_000m, 5_000m, 100m, 0.05));

        decision.Plan.ShouldNotBeNull().Quantity.ShouldBe(49.5m);
    }

    [Fact]
    public void RiskPercent_BeforeAtrIsReady_SkipsWithTheReason()
    {
        var decision = new RiskPercentPlanSizer(1m).Size(Entry(), new SizingContext(Spot, 10_000m, 10_000m, 100m, double.NaN));

        decision.Plan.ShouldBeNull();
        decision.SkipReason.ShouldBe("ATR(14) is not ready yet");
    }

    [Fact]
    public void RiskPercent_BelowMinNotional_Skips()
    {
        // equity 100 → risk 1; ATR 10 → stop 80, quantity 1 / 20 = 0.05 → notional 5.00 ≥ 5 passes; ATR 20 → 0.025 → 2.5 < 5.
        var decision = new RiskPercentPlanSizer(1m).Size(Entry(), new SizingContext(Spot, 100m, 100m, 100m, 20));

        decision.Plan.ShouldBeNull();
        decision.SkipReason.ShouldBe("notional 2.500 is below the minimum 5 of BINANCE:BTCUSDT");
    }

    [Fact]
    public void AllIn_InvestsTheFreeCashWithACatastrophicStop()
    {
        // 10 000 × 0.99 / 100 = 99 units; stop 50 % below 100 = 50; risk 99 × 50 / 10 000 = 49.5 %.
        var decision = new AllInPlanSizer().Size(Entry(), new SizingContext(Spot, 10_000m, 10_000m, 100m, double.NaN));

        var plan = decision.Plan.ShouldNotBeNull();
        plan.Quantity.ShouldBe(99m);
        plan.StopLoss.ShouldBe(50m);
        plan.RiskPercent.ShouldBe(49.5m);
    }

    [Fact]
    public void AllIn_WithThreeSymbols_InvestsAThirdOfEquity()
    {
        // 9 000 / 3 = 3 000 × 0.99 / 100 = 29.7 units.
        var decision = new AllInPlanSizer().Size(Entry(), new SizingContext(Spot, 9_000m, 9_000m, 100m, double.NaN, SymbolCount: 3));

        decision.Plan.ShouldNotBeNull().Quantity.ShouldBe(29.7m);
    }
}
