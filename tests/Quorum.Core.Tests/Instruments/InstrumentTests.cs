using FsCheck;
using FsCheck.Fluent;
using Quorum.Core.Instruments;
using Quorum.Core.Trading;

namespace Quorum.Core.Tests.Instruments;

public sealed class InstrumentTests
{
    private static readonly Instrument Btc = TestInstruments.BtcUsdt;

    [Theory]
    [InlineData("100.123", "100.12")]
    [InlineData("100.125", "100.13")] // exact half goes up
    [InlineData("100.1249999", "100.12")]
    [InlineData("100.12", "100.12")]
    [InlineData("100.129", "100.13")]
    [InlineData("0.006", "0.01")]
    public void RoundPrice_Nearest_RoundsToNearestTick(string price, string expected)
    {
        var rounded = Btc.RoundPrice(D(price));

        rounded.ShouldBe(D(expected));
    }

    [Theory]
    [InlineData("100.129", "100.12")]
    [InlineData("100.12", "100.12")]
    [InlineData("100.1200001", "100.12")]
    public void RoundPrice_Down_RoundsToTickAtOrBelow(string price, string expected)
    {
        var rounded = Btc.RoundPrice(D(price), RoundingMode.Down);

        rounded.ShouldBe(D(expected));
    }

    [Theory]
    [InlineData("100.121", "100.13")]
    [InlineData("100.12", "100.12")]
    [InlineData("100.1200001", "100.13")]
    public void RoundPrice_Up_RoundsToTickAtOrAbove(string price, string expected)
    {
        var rounded = Btc.RoundPrice(D(price), RoundingMode.Up);

        rounded.ShouldBe(D(expected));
    }

    [Fact]
    public void RoundPrice_Result_IsWrittenWithThePricePrecision()
    {
        var rounded = Btc.RoundPrice(100.1234567m);

        rounded.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("100.12");
    }

    [Fact]
    public void RoundPrice_CoarseTick_RoundsToMultiplesOfTick()
    {
        var instrument = new Instrument(Symbol.Parse("BINANCE:BTCUSDT.P"), new InstrumentFilters(tickSize: 0.5m, stepSize: 1m));

        instrument.RoundPrice(100.74m).ShouldBe(100.5m);
        instrument.RoundPrice(100.75m).ShouldBe(101m);
        instrument.RoundPrice(100.01m, RoundingMode.Up).ShouldBe(100.5m);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public void RoundPrice_NonPositivePrice_ThrowsNamingSymbolAndValue(string price)
    {
        var error = Should.Throw<ArgumentOutOfRangeException>(() => Btc.RoundPrice(D(price)));

        error.Message.ShouldContain($"BINANCE:BTCUSDT price {D(price)} must be positive");
    }

    [Theory]
    [InlineData("0.0019", "0.001")]
    [InlineData("0.002", "0.002")]
    [InlineData("1.2345", "1.234")]
    [InlineData("0.0009", "0")]
    [InlineData("0", "0")]
    public void RoundQuantity_ByDefault_RoundsDownToStep(string quantity, string expected)
    {
        var rounded = Btc.RoundQuantity(D(quantity));

        rounded.ShouldBe(D(expected));
        Btc.FloorQuantity(D(quantity)).ShouldBe(D(expected));
    }

    [Fact]
    public void RoundQuantity_NearestAndUp_UseTheGivenMode()
    {
        Btc.RoundQuantity(1.2345m, RoundingMode.Nearest).ShouldBe(1.235m);
        Btc.RoundQuantity(1.2341m, RoundingMode.Up).ShouldBe(1.235m);
    }

    [Fact]
    public void RoundQuantity_NegativeQuantity_Throws()
    {
        var error = Should.Throw<ArgumentOutOfRangeException>(() => Btc.RoundQuantity(-0.001m));

        error.Message.ShouldContain("BINANCE:BTCUSDT quantity -0.001 must be non-negative");
    }

    [Fact]
    public void Validate_OrderOnGridAboveMinimums_HasNoViolations()
    {
        var violations = Btc.Validate(price: 50_000.01m, quantity: 0.001m);

        violations.ShouldBeEmpty();
    }

    [Fact]
    public void Validate_PriceBetweenTicks_ReportsTickViolationNamingPriceAndTick()
    {
        var violations = Btc.Validate(price: 100.005m, quantity: 1m);

        var violation = violations.ShouldHaveSingleItem();
        violation.Kind.ShouldBe(FilterViolationKind.PriceNotMultipleOfTick);
        violation.Value.ShouldBe(100.005m);
        violation.Limit.ShouldBe(0.01m);
        violation.Message.ShouldBe("BINANCE:BTCUSDT: price 100.005 is not a multiple of tick size 0.01");
    }

    [Fact]
    public void Validate_QuantityBetweenSteps_ReportsStepViolation()
    {
        var violations = Btc.Validate(price: 100m, quantity: 0.0525m);

        var violation = violations.ShouldHaveSingleItem();
        violation.Kind.ShouldBe(FilterViolationKind.QuantityNotMultipleOfStep);
        violation.Message.ShouldBe("BINANCE:BTCUSDT: quantity 0.0525 is not a multiple of step size 0.001");
    }

    [Fact]
    public void Validate_NotionalJustBelowMinimum_ReportsMinNotional()
    {
        // 4.99 × 1.001 = 4.99499 < 5
        var violations = Btc.Validate(price: 4.99m, quantity: 1.001m);

        var violation = violations.ShouldHaveSingleItem();
        violation.Kind.ShouldBe(FilterViolationKind.NotionalBelowMinimum);
        violation.Value.ShouldBe(4.99499m);
        violation.Limit.ShouldBe(5m);
        violation.Message.ShouldContain("notional 4.99499");
        violation.Message.ShouldContain("below min notional 5");
    }

    [Fact]
    public void Validate_NotionalExactlyAtMinimum_IsAccepted()
    {
        var violations = Btc.Validate(price: 5000m, quantity: 0.001m);

        violations.ShouldBeEmpty();
    }

    [Fact]
    public void Validate_EverythingWrong_ReportsEveryViolationInVenueOrder()
    {
        var violations = Btc.Validate(price: 1.005m, quantity: 0.0005m);

        violations.Select(v => v.Kind).ShouldBe([
            FilterViolationKind.PriceNotMultipleOfTick,
            FilterViolationKind.QuantityNotMultipleOfStep,
            FilterViolationKind.QuantityBelowMinimum,
            FilterViolationKind.NotionalBelowMinimum,
        ]);
        violations[2].Message.ShouldBe("BINANCE:BTCUSDT: quantity 0.0005 is below min quantity 0.001");
    }

    [Fact]
    public void Validate_QuantityAboveMaximum_ReportsMaxQuantity()
    {
        var violations = Btc.Validate(price: 100m, quantity: 9000.001m);

        var violation = violations.ShouldHaveSingleItem();
        violation.Kind.ShouldBe(FilterViolationKind.QuantityAboveMaximum);
        violation.Message.ShouldBe("BINANCE:BTCUSDT: quantity 9000.001 is above max quantity 9000");
    }

    [Fact]
    public void Validate_ZeroQuantityWithoutVenueMinimum_ReportsBelowOneStep()
    {
        var instrument = new Instrument(Symbol.Parse("BYBIT:ETHUSDT.P"), new InstrumentFilters(tickSize: 0.01m, stepSize: 0.01m));

        var violation = instrument.Validate(price: 100m, quantity: 0m).ShouldHaveSingleItem();

        violation.Kind.ShouldBe(FilterViolationKind.QuantityBelowMinimum);
        violation.Message.ShouldBe("BYBIT:ETHUSDT.P: quantity 0 is below one step 0.01");
    }

    [Fact]
    public void Validate_NonPositivePriceOrNegativeQuantity_ThrowsBecauseItIsABug()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Btc.Validate(price: 0m, quantity: 1m));
        Should.Throw<ArgumentOutOfRangeException>(() => Btc.Validate(price: 100m, quantity: -1m));
    }

    [Fact]
    public void CheckOrder_LimitOrderOnGrid_HasNoViolations()
    {
        var order = new OrderRequest("o-1", Btc.Symbol, OrderSide.Buy, OrderType.Limit, quantity: 0.01m, price: 50_000m);

        Btc.CheckOrder(order).ShouldBeEmpty();
    }

    [Fact]
    public void CheckOrder_MarketOrder_UsesReferencePriceForNotional()
    {
        var order = new OrderRequest("o-1", Btc.Symbol, OrderSide.Buy, OrderType.Market, quantity: 0.001m);

        var atLowPrice = Btc.CheckOrder(order, referencePrice: 4000m);
        var atHighPrice = Btc.CheckOrder(order, referencePrice: 60_000m);

        atLowPrice.ShouldHaveSingleItem().Kind.ShouldBe(FilterViolationKind.NotionalBelowMinimum);
        atHighPrice.ShouldBeEmpty();
    }

    [Fact]
    public void CheckOrder_MarketOrderWithoutReferencePrice_ThrowsExplainingWhatIsNeeded()
    {
        var order = new OrderRequest("o-1", Btc.Symbol, OrderSide.Buy, OrderType.Market, quantity: 0.001m);

        var error = Should.Throw<ArgumentException>(() => Btc.CheckOrder(order));

        error.Message.ShouldContain("referencePrice");
    }

    [Fact]
    public void CheckOrder_StopPriceBetweenTicks_ReportsStopPriceViolation()
    {
        var order = new OrderRequest("o-1", Btc.Symbol, OrderSide.Sell, OrderType.StopMarket, quantity: 0.01m, stopPrice: 49_000.005m);

        var violation = Btc.CheckOrder(order).ShouldHaveSingleItem();

        violation.Kind.ShouldBe(FilterViolationKind.StopPriceNotMultipleOfTick);
        violation.Message.ShouldBe("BINANCE:BTCUSDT: stop price 49000.005 is not a multiple of tick size 0.01");
    }

    [Fact]
    public void CheckOrder_ReduceOnlyBelowMinNotional_IsExemptFromMinNotional()
    {
        var perp = TestInstruments.EthUsdtPerp;
        var closing = new OrderRequest("o-1", perp.Symbol, OrderSide.Sell, OrderType.Limit, quantity: 0.001m, price: 3000m, reduceOnly: true);
        var opening = new OrderRequest("o-2", perp.Symbol, OrderSide.Sell, OrderType.Limit, quantity: 0.001m, price: 3000m);

        perp.CheckOrder(closing).ShouldBeEmpty();
        perp.CheckOrder(opening).ShouldHaveSingleItem().Kind.ShouldBe(FilterViolationKind.NotionalBelowMinimum);
    }

    [Fact]
    public void CheckOrder_OrderForAnotherSymbol_Throws()
    {
        var order = new OrderRequest("o-1", Symbol.Parse("BINANCE:ETHUSDT"), OrderSide.Buy, OrderType.Limit, quantity: 1m, price: 3000m);

        var error = Should.Throw<ArgumentException>(() => Btc.CheckOrder(order));

        error.Message.ShouldContain("BINANCE:ETHUSDT");
        error.Message.ShouldContain("BINANCE:BTCUSDT");
    }

    [Theory]
    [InlineData("50000", "0.001")] // min quantity binds
    [InlineData("3000", "0.002")] // 5 / 3000 = 0.00166… → up to 0.002
    [InlineData("5", "1")] // exactly min notional
    public void MinimumQuantityAt_Price_IsSmallestQuantityPassingAllFilters(string price, string expected)
    {
        var quantity = Btc.MinimumQuantityAt(D(price));

        quantity.ShouldBe(D(expected));
        Btc.Validate(D(price), quantity).ShouldBeEmpty();
        Btc.Validate(D(price), quantity - Btc.StepSize).ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("3")]
    [InlineData("7")]
    public void MinimumQuantityAt_WhenMinNotionalOverPriceIsNotExactInDecimal_StillMeetsMinNotional(string price)
    {
        // 1 / 3 rounds down in its 28th digit; on a 10⁻²⁸ step the quotient itself is on the grid and one step short.
        var instrument = new Instrument(Btc.Symbol, new InstrumentFilters(tickSize: 0.0000001m, stepSize: 0.0000000000000000000000000001m, minNotional: 1m));

        var quantity = instrument.MinimumQuantityAt(D(price));

        instrument.Notional(D(price), quantity).ShouldBeGreaterThanOrEqualTo(1m);
        instrument.Validate(D(price), quantity).ShouldBeEmpty();
        instrument.Notional(D(price), quantity - instrument.StepSize).ShouldBeLessThan(1m);
    }

    [Fact]
    public void MinimumQuantityAt_AnyPriceAndFilters_IsOnTheGridPassesAndIsTheSmallestThatDoes()
    {
        var gen =
            from price in Decimals().Where(p => p >= 0.01m)
            from step in Gen.Elements(0.001m, 0.00001m, 0.01m, 1m, 0.25m, 0.0000000001m)
            from minQuantityInSteps in Gen.Choose(0, 50)
            from minNotional in Gen.Elements(0m, 1m, 5m, 10m, 100m)
            select (price: decimal.Round(price, 2), step, minQuantity: minQuantityInSteps * step, minNotional);

        Prop.ForAll(gen.ToArbitrary(), sample =>
        {
            var instrument = new Instrument(Btc.Symbol, new InstrumentFilters(0.01m, sample.step, sample.minQuantity, sample.minNotional));

            var quantity = instrument.MinimumQuantityAt(sample.price);
            var smaller = quantity - sample.step;

            return instrument.Validate(sample.price, quantity).Count == 0 &&
                   (smaller <= 0m || instrument.Validate(sample.price, smaller).Count > 0);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Constructor_MaxQuantityBelowMinQuantity_Throws()
    {
        var error = Should.Throw<ArgumentOutOfRangeException>(() =>
            new Instrument(Btc.Symbol, Btc.Filters, maxQuantity: 0.0001m));

        error.Message.ShouldContain("max quantity 0.0001");
        error.Message.ShouldContain("min quantity 0.001");
    }

    [Fact]
    public void Constructor_NonPositiveContractSize_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new Instrument(Btc.Symbol, Btc.Filters, contractSize: 0m))
            .Message.ShouldContain("contract size 0 must be positive");
    }

    [Fact]
    public void Notional_Perpetual_MultipliesByContractSize()
    {
        var instrument = new Instrument(Symbol.Parse("BYBIT:ETHUSDT.P"), new InstrumentFilters(0.01m, 1m), contractSize: 0.01m);

        instrument.Notional(price: 3000m, quantity: 10m).ShouldBe(300m);
    }

    [Fact]
    public void RoundPrice_Nearest_IsAlwaysOnTickAndWithinHalfATick()
    {
        Prop.ForAll(PriceAndTick().ToArbitrary(), sample =>
        {
            var (price, tick) = sample;
            var instrument = WithTick(tick);

            var rounded = instrument.RoundPrice(price);

            return rounded % tick == 0m && Math.Abs(rounded - price) <= tick / 2m;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void RoundPrice_AroundTickBoundaries_HalfGoesUpJustBelowHalfGoesDownAndOnTickStays()
    {
        var gen =
            from ticks in Gen.Choose(1, 10_000_000)
            from tick in Gen.Elements(0.01m, 0.1m, 0.5m, 0.00001m, 1m, 10m, 0.25m, 0.0001m)
            select (onTick: ticks * tick, tick);

        Prop.ForAll(gen.ToArbitrary(), sample =>
        {
            var (onTick, tick) = sample;
            var instrument = WithTick(tick);
            const decimal Epsilon = 0.0000000001m; // far finer than any tick above
            var half = onTick + (tick / 2m);

            return instrument.RoundPrice(half) == onTick + tick &&
                   instrument.RoundPrice(half - Epsilon) == onTick &&
                   instrument.RoundPrice(onTick) == onTick &&
                   instrument.RoundPrice(onTick, RoundingMode.Up) == onTick &&
                   instrument.RoundPrice(onTick, RoundingMode.Down) == onTick &&
                   instrument.RoundPrice(onTick + Epsilon, RoundingMode.Up) == onTick + tick &&
                   instrument.RoundPrice(onTick + tick - Epsilon, RoundingMode.Down) == onTick;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void RoundPrice_DownAndUp_BracketThePriceWithinOneTick()
    {
        Prop.ForAll(PriceAndTick().ToArbitrary(), sample =>
        {
            var (price, tick) = sample;
            var instrument = WithTick(tick);

            var down = instrument.RoundPrice(price, RoundingMode.Down);
            var up = instrument.RoundPrice(price, RoundingMode.Up);

            return down % tick == 0m && up % tick == 0m &&
                   down <= price && price <= up && up - down <= tick &&
                   (up == down) == (price % tick == 0m);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void RoundQuantity_Default_NeverExceedsInputAndIsWithinOneStep()
    {
        var gen =
            from quantity in Decimals()
            from step in Gen.Elements(0.001m, 0.00001m, 0.01m, 0.1m, 1m, 5m, 0.25m)
            select (quantity, step);

        Prop.ForAll(gen.ToArbitrary(), sample =>
        {
            var (quantity, step) = sample;
            var instrument = new Instrument(Btc.Symbol, new InstrumentFilters(tickSize: 0.01m, stepSize: step));

            var rounded = instrument.RoundQuantity(quantity);

            return rounded <= quantity && quantity - rounded < step && rounded % step == 0m && rounded >= 0m;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Validate_RoundedOrderAboveMinimums_AlwaysPasses()
    {
        var gen =
            from price in Decimals().Where(p => p >= 0.01m)
            from quantity in Decimals()
            select (price, quantity);

        Prop.ForAll(gen.ToArbitrary(), sample =>
        {
            var price = Btc.RoundPrice(sample.price);
            var quantity = Math.Max(Btc.RoundQuantity(Math.Min(sample.quantity, Btc.MaxQuantity!.Value)), Btc.MinimumQuantityAt(price));

            return Btc.Validate(price, quantity).Count == 0;
        }).QuickCheckThrowOnFailure();
    }

    private static Gen<(decimal Price, decimal Tick)> PriceAndTick() =>
        from price in Decimals().Where(p => p > 0m)
        from tick in Gen.Elements(0.01m, 0.1m, 0.5m, 0.00001m, 1m, 10m, 0.25m, 0.0001m)
        select (price, tick);

    /// <summary>Non-negative decimals from 0 to ~10⁶ with up to 8 decimal places.</summary>
    private static Gen<decimal> Decimals() =>
        from whole in Gen.Choose(0, 1_000_000)
        from fraction in Gen.Choose(0, 99_999_999)
        from scale in Gen.Elements(0, 2, 5, 8)
        select whole + decimal.Round(fraction / 100_000_000m, scale);

    private static Instrument WithTick(decimal tick) => new(Btc.Symbol, new InstrumentFilters(tickSize: tick, stepSize: 0.001m));

    private static decimal D(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
