using Quorum.Core.Instruments;
using Quorum.Core.Trading;

namespace Quorum.Core.Tests.Trading;

public sealed class PlanTests
{
    private static readonly Symbol Btc = Symbol.Parse("BINANCE:BTCUSDT.P");

    [Fact]
    public void Constructor_ValidLong_ComputesRiskAndRunner()
    {
        var plan = new Plan(Btc, PositionSide.Long, quantity: 0.5m, entry: 100m, stopLoss: 98m,
            takeProfits: [new TakeProfit(102m, 0.5m), new TakeProfit(104m, 0.25m)],
            trail: TrailSpec.Atr(2m), riskPercent: 0.8m, metadata: [new("strategy", "breakout_4h")]);

        plan.RiskPerUnit.ShouldBe(2m);
        plan.RiskAmount.ShouldBe(1m);
        plan.Notional.ShouldBe(50m);
        plan.TakeProfitFraction.ShouldBe(0.75m);
        plan.RunnerFraction.ShouldBe(0.25m);
        plan.PriceAtR(1m).ShouldBe(102m);
        plan.PriceAtR(2m).ShouldBe(104m);
        plan.PriceAtR(-1m).ShouldBe(98m);
        plan.RMultiple(103m).ShouldBe(1.5m);
        plan.Metadata["strategy"].ShouldBe("breakout_4h");
    }

    [Fact]
    public void Constructor_ValidShort_MeasuresRFromTheOtherSide()
    {
        var plan = new Plan(Btc, PositionSide.Short, quantity: 2m, entry: 100m, stopLoss: 101m, takeProfits: [new TakeProfit(99m, 1m)]);

        plan.RiskAmount.ShouldBe(2m);
        plan.PriceAtR(2m).ShouldBe(98m);
        plan.RMultiple(99m).ShouldBe(1m);
        plan.RMultiple(101m).ShouldBe(-1m);
        plan.RunnerFraction.ShouldBe(0m);
    }

    [Theory]
    [InlineData(PositionSide.Long, 100, 100, "below")]
    [InlineData(PositionSide.Long, 100, 101, "below")]
    [InlineData(PositionSide.Short, 100, 99, "above")]
    [InlineData(PositionSide.Short, 100, 100, "above")]
    public void Constructor_StopOnWrongSide_ThrowsNamingStopEntryAndSide(PositionSide side, int entry, int stop, string where)
    {
        var error = Should.Throw<ArgumentOutOfRangeException>(() => new Plan(Btc, side, 1m, entry, stop));

        error.ParamName.ShouldBe("stopLoss");
        error.Message.ShouldContain($"{side.ToSeedText()} plan for BINANCE:BTCUSDT.P: stop-loss {stop} must be {where} entry {entry}");
    }

    [Theory]
    [InlineData(PositionSide.Long, 99)]
    [InlineData(PositionSide.Short, 101)]
    public void Constructor_TakeProfitOnLosingSide_Throws(PositionSide side, int takeProfit)
    {
        var stop = side == PositionSide.Long ? 95m : 105m;

        var error = Should.Throw<ArgumentOutOfRangeException>(() =>
            new Plan(Btc, side, 1m, 100m, stop, takeProfits: [new TakeProfit(takeProfit, 0.5m)]));

        error.Message.ShouldContain($"take-profit {takeProfit} must be");
    }

    [Fact]
    public void Constructor_TakeProfitFractionsAboveOne_ThrowsNamingSum()
    {
        var error = Should.Throw<ArgumentOutOfRangeException>(() =>
            new Plan(Btc, PositionSide.Long, 1m, 100m, 95m, takeProfits: [new TakeProfit(105m, 0.6m), new TakeProfit(110m, 0.5m)]));

        error.Message.ShouldContain("take-profit fractions sum to 1.1 (allowed: ≤ 1)");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public void Constructor_NonPositiveQuantity_Throws(string quantity)
    {
        var value = decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture);

        var error = Should.Throw<ArgumentOutOfRangeException>(() => new Plan(Btc, PositionSide.Long, value, 100m, 95m));

        error.Message.ShouldContain($"plan quantity {value} must be positive");
    }

    [Fact]
    public void Constructor_RiskPercentOutOfRange_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new Plan(Btc, PositionSide.Long, 1m, 100m, 95m, riskPercent: -0.1m))
            .Message.ShouldContain("0 ≤ risk ≤ 100");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("10.01")]
    public void Constructor_RiskROutOfRange_ThrowsNamingValueAndRange(string riskR)
    {
        var value = decimal.Parse(riskR, System.Globalization.CultureInfo.InvariantCulture);

        Should.Throw<ArgumentOutOfRangeException>(() => new Plan(Btc, PositionSide.Long, 1m, 100m, 95m, riskR: value))
            .Message.ShouldContain($"risk {value}R is out of range (0 < R ≤ 10)");
    }

    [Fact]
    public void RiskR_DefaultsToOneAndKeepsAPyramidAdd()
    {
        var full = new Plan(Btc, PositionSide.Long, 1m, 100m, 95m, riskPercent: 0.8m);
        var add = new Plan(Btc, PositionSide.Long, 0.3m, 110m, 100m, riskPercent: 0.8m, riskR: 0.3m);

        full.RiskR.ShouldBe(1m);
        add.RiskR.ShouldBe(0.3m);
        add.ToString().ShouldContain("risk 0.3R (0.8% of equity)");
        full.ShouldNotBe(new Plan(Btc, PositionSide.Long, 1m, 100m, 95m, riskPercent: 0.8m, riskR: 0.5m));
    }

    [Fact]
    public void Equality_SameContent_AreEqual()
    {
        Plan Make() => new(Btc, PositionSide.Long, 1m, 100m, 95m, [new TakeProfit(105m, 0.5m)], TrailSpec.DefaultPercent, 0.8m, [new("k", "v")]);

        Make().ShouldBe(Make());
        Make().GetHashCode().ShouldBe(Make().GetHashCode());
        Make().ShouldNotBe(new Plan(Btc, PositionSide.Long, 1m, 100m, 95m, [new TakeProfit(106m, 0.5m)], TrailSpec.DefaultPercent, 0.8m, [new("k", "v")]));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1.01")]
    public void TakeProfit_FractionOutsideZeroToOne_Throws(string fraction)
    {
        var value = decimal.Parse(fraction, System.Globalization.CultureInfo.InvariantCulture);

        var error = Should.Throw<ArgumentOutOfRangeException>(() => new TakeProfit(100m, value));

        error.Message.ShouldContain($"take-profit fraction {value} is out of range (0 < fraction ≤ 1)");
    }

    [Fact]
    public void TrailSpec_DefaultPercent_IsSeed000ZeroPointThreePercent()
    {
        var trail = TrailSpec.DefaultPercent;

        trail.Kind.ShouldBe(TrailKind.Percent);
        trail.Value.ShouldBe(0.3m);
        trail.Distance(1000m).ShouldBe(3m);
        trail.StopPrice(PositionSide.Long, extremePrice: 1000m).ShouldBe(997m);
        trail.StopPrice(PositionSide.Short, extremePrice: 1000m).ShouldBe(1003m);
    }

    [Fact]
    public void TrailSpec_Atr_UsesTheGivenAtr()
    {
        var trail = TrailSpec.Atr(2m);

        trail.Distance(1000m, atr: 15m).ShouldBe(30m);
        trail.StopPrice(PositionSide.Long, 1000m, atr: 15m).ShouldBe(970m);
        trail.ToString().ShouldBe("trail 2×ATR");
    }

    [Fact]
    public void TrailSpec_AtrWithoutAtr_ThrowsExplaining()
    {
        var error = Should.Throw<ArgumentOutOfRangeException>(() => TrailSpec.Atr(1.5m).Distance(1000m));

        error.Message.ShouldContain("1.5×ATR");
        error.Message.ShouldContain("needs a positive ATR");
    }

    [Theory]
    [InlineData(TrailKind.Percent, "0")]
    [InlineData(TrailKind.Percent, "100")]
    [InlineData(TrailKind.Atr, "-2")]
    public void TrailSpec_ValueOutOfRange_Throws(TrailKind kind, string value)
    {
        var parsed = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

        Should.Throw<ArgumentOutOfRangeException>(() => new TrailSpec(kind, parsed)).Message.ShouldContain(value);
    }
}
