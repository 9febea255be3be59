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

    [Fact]
    public void RiskPercent_WithTheStrategysExits_UsesItsStopTakeProfitsTrailTimeStopAndBreakEven()
    {
        // Stop 1.5 × ATR 2 = 3 below 100 → 97; R = 3: take-profits at 1R = 103 (25 %) and 2R = 106 (25 %);
        // risk 100 / 3 = 33.333 → floored to the 0.001 step.
        var exits = new ExitSpec(
            stopAtrMultiple: 1.5m,
            takeProfits: [new TakeProfitAtR(1m, 0.25m), new TakeProfitAtR(2m, 0.25m)],
            trail: TrailSpec.Atr(2m),
            timeStopMs: 7_200_000,
            breakEvenAtR: 0.6m);
        var signal = Entry() with { };
        var withExits = new Signal(signal.Symbol, signal.Side, signal.Strategy, 1.0, signal.CreatedAtMs, 100m, signal.Timeframe, reason: "cross", metadata: signal.Metadata, exits: exits);

        var plan = new RiskPercentPlanSizer(1m).Size(withExits, new SizingContext(Spot, 10_000m, 10_000m, 100m, 2.0)).Plan.ShouldNotBeNull();

        plan.StopLoss.ShouldBe(97m);
        plan.Quantity.ShouldBe(33.333m);
        plan.TakeProfits.Select(tp => (tp.Price, tp.Fraction)).ShouldBe([(103m, 0.25m), (106m, 0.25m)]);
        plan.Trail.ShouldBe(TrailSpec.Atr(2m));
        plan.Metadata["time_stop_ms"].ShouldBe(7_200_000L);
        plan.Metadata["break_even_r"].ShouldBe(0.6m);
    }

    [Fact]
    public void RiskPercent_WithAStopPriceOnTheWrongSide_SkipsNamingIt()
    {
        var exits = new ExitSpec(stopPrice: 101m);
        var signal = new Signal(Spot.Symbol, PositionSide.Long, "smc", 1.0, 3_600_000, 100m, Timeframe.H1, reason: "bos", exits: exits);

        var decision = new RiskPercentPlanSizer(1m).Size(signal, new SizingContext(Spot, 10_000m, 10_000m, 100m, 2.0));

        decision.Plan.ShouldBeNull();
        decision.SkipReason.ShouldBe("stop 101 asked by smc is not on the losing side of entry 100");
    }

    [Fact]
    public void RiskPercent_WithAStopPrice_NeedsNoAtr()
    {
        // Stop 95 → R = 5; risk 100 / 5 = 20 units, whatever the ATR.
        var signal = new Signal(Spot.Symbol, PositionSide.Long, "smc", 1.0, 3_600_000, 100m, Timeframe.H1, reason: "bos", exits: new ExitSpec(stopPrice: 95m));

        var plan = new RiskPercentPlanSizer(1m).Size(signal, new SizingContext(Spot, 10_000m, 10_000m, 100m, double.NaN)).Plan.ShouldNotBeNull();

        plan.StopLoss.ShouldBe(95m);
        plan.Quantity.ShouldBe(20m);
    }
}
