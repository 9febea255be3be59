using Quorum.Core.Instruments;

namespace Quorum.Core.Tests.Instruments;

public sealed class InstrumentFiltersTests
{
    [Theory]
    [InlineData("0.01", 2)]
    [InlineData("0.010", 2)]
    [InlineData("0.5", 1)]
    [InlineData("1", 0)]
    [InlineData("10", 0)]
    [InlineData("0.00001", 5)]
    [InlineData("0.00000001", 8)]
    public void Constructor_WithoutPrecision_DerivesItFromTickAndStep(string increment, int precision)
    {
        var value = decimal.Parse(increment, System.Globalization.CultureInfo.InvariantCulture);

        var filters = new InstrumentFilters(tickSize: value, stepSize: value);

        filters.PricePrecision.ShouldBe(precision);
        filters.QuantityPrecision.ShouldBe(precision);
    }

    [Fact]
    public void Constructor_WithExplicitPrecisionFinerThanTick_KeepsIt()
    {
        // Binance USDT-M BTCUSDT: tickSize 0.10, pricePrecision 2.
        var filters = new InstrumentFilters(tickSize: 0.10m, stepSize: 0.001m, minQuantity: 0.001m, minNotional: 100m, pricePrecision: 2, quantityPrecision: 3);

        filters.PricePrecision.ShouldBe(2);
        filters.QuantityPrecision.ShouldBe(3);
        filters.TickSize.ShouldBe(0.1m);
        filters.MinNotional.ShouldBe(100m);
    }

    [Fact]
    public void Constructor_PrecisionCoarserThanTick_ThrowsNamingPrecisionTickAndRange()
    {
        var error = Should.Throw<ArgumentOutOfRangeException>(() => new InstrumentFilters(tickSize: 0.01m, stepSize: 1m, pricePrecision: 1));

        error.ParamName.ShouldBe("pricePrecision");
        error.Message.ShouldContain("pricePrecision 1");
        error.Message.ShouldContain("tick size 0.01");
        error.Message.ShouldContain("2 ≤ precision ≤ 28");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0.01")]
    public void Constructor_NonPositiveTick_ThrowsNamingValueAndRule(string tick)
    {
        var value = decimal.Parse(tick, System.Globalization.CultureInfo.InvariantCulture);

        var error = Should.Throw<ArgumentOutOfRangeException>(() => new InstrumentFilters(tickSize: value, stepSize: 0.001m));

        error.ParamName.ShouldBe("tickSize");
        error.Message.ShouldContain($"tick size {value} must be positive");
    }

    [Fact]
    public void Constructor_NonPositiveStep_ThrowsNamingValueAndRule()
    {
        var error = Should.Throw<ArgumentOutOfRangeException>(() => new InstrumentFilters(tickSize: 0.01m, stepSize: 0m));

        error.ParamName.ShouldBe("stepSize");
        error.Message.ShouldContain("step size 0 must be positive");
    }

    [Fact]
    public void Constructor_NegativeMinimums_ThrowNamingValueAndRule()
    {
        var minQuantity = Should.Throw<ArgumentOutOfRangeException>(() => new InstrumentFilters(0.01m, 0.001m, minQuantity: -1m));
        var minNotional = Should.Throw<ArgumentOutOfRangeException>(() => new InstrumentFilters(0.01m, 0.001m, minNotional: -5m));

        minQuantity.Message.ShouldContain("min quantity -1 must be non-negative");
        minNotional.Message.ShouldContain("min notional -5 must be non-negative");
    }

    [Fact]
    public void Equality_SameFilters_AreEqual()
    {
        var left = new InstrumentFilters(0.01m, 0.001m, 0.001m, 5m);
        var right = new InstrumentFilters(0.01m, 0.001m, 0.001m, 5m);

        left.ShouldBe(right);
    }
}
