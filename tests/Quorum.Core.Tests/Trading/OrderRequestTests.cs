using Quorum.Core.Instruments;
using Quorum.Core.Trading;

namespace Quorum.Core.Tests.Trading;

public sealed class OrderRequestTests
{
    private static readonly Symbol Btc = Symbol.Parse("BINANCE:BTCUSDT.P");

    [Fact]
    public void Constructor_LimitPostOnly_IsPostOnly()
    {
        var order = new OrderRequest("entry-1", Btc, OrderSide.Buy, OrderType.Limit, 0.01m, price: 50_000m, timeInForce: TimeInForce.PostOnly);

        order.IsPostOnly.ShouldBeTrue();
        order.Price.ShouldBe(50_000m);
        order.StopPrice.ShouldBeNull();
        order.ToString().ShouldBe("entry-1 Buy 0.01 BINANCE:BTCUSDT.P Limit @ 50000 PostOnly");
    }

    [Fact]
    public void Constructor_StopMarketReduceOnly_KeepsTriggerAndFlag()
    {
        var order = new OrderRequest("sl-1", Btc, OrderSide.Sell, OrderType.StopMarket, 0.01m, stopPrice: 48_000m, reduceOnly: true);

        order.StopPrice.ShouldBe(48_000m);
        order.Price.ShouldBeNull();
        order.ReduceOnly.ShouldBeTrue();
        order.IsPostOnly.ShouldBeFalse();
    }

    [Theory]
    [InlineData(OrderType.Limit)]
    [InlineData(OrderType.StopLimit)]
    [InlineData(OrderType.TakeProfitLimit)]
    public void Constructor_LimitTypeWithoutPrice_ThrowsNamingType(OrderType type)
    {
        var error = Should.Throw<ArgumentException>(() => new OrderRequest("o-1", Btc, OrderSide.Buy, type, 1m, stopPrice: 100m));

        error.ParamName.ShouldBe("price");
        error.Message.ShouldContain($"a {type} order needs a limit price");
    }

    [Fact]
    public void Constructor_MarketWithPrice_Throws()
    {
        var error = Should.Throw<ArgumentException>(() => new OrderRequest("o-1", Btc, OrderSide.Buy, OrderType.Market, 1m, price: 100m));

        error.Message.ShouldContain("a Market order takes no limit price (got 100)");
    }

    [Theory]
    [InlineData(OrderType.StopMarket)]
    [InlineData(OrderType.TakeProfitMarket)]
    public void Constructor_TriggerTypeWithoutStopPrice_Throws(OrderType type)
    {
        var error = Should.Throw<ArgumentException>(() => new OrderRequest("o-1", Btc, OrderSide.Sell, type, 1m));

        error.ParamName.ShouldBe("stopPrice");
        error.Message.ShouldContain($"a {type} order needs a stop (trigger) price");
    }

    [Fact]
    public void Constructor_LimitWithStopPrice_Throws()
    {
        Should.Throw<ArgumentException>(() => new OrderRequest("o-1", Btc, OrderSide.Buy, OrderType.Limit, 1m, price: 100m, stopPrice: 99m))
            .Message.ShouldContain("takes no stop price (got 99)");
    }

    [Fact]
    public void Constructor_PostOnlyOnNonLimit_Throws()
    {
        Should.Throw<ArgumentException>(() => new OrderRequest("o-1", Btc, OrderSide.Buy, OrderType.Market, 1m, timeInForce: TimeInForce.PostOnly))
            .Message.ShouldContain("post-only applies to Limit orders only (got Market)");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0.5")]
    public void Constructor_NonPositiveQuantity_ThrowsNamingOrderAndValue(string quantity)
    {
        var value = decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture);

        var error = Should.Throw<ArgumentOutOfRangeException>(() => new OrderRequest("o-9", Btc, OrderSide.Buy, OrderType.Market, value));

        error.Message.ShouldContain($"order o-9 quantity {value} must be positive");
    }

    [Fact]
    public void Constructor_NonPositivePriceOrBadId_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new OrderRequest("o-1", Btc, OrderSide.Buy, OrderType.Limit, 1m, price: 0m));
        Should.Throw<ArgumentException>(() => new OrderRequest("o 1", Btc, OrderSide.Buy, OrderType.Market, 1m)).ParamName.ShouldBe("clientOrderId");
    }

    [Fact]
    public void Equality_SameFields_AreEqual()
    {
        var left = new OrderRequest("o-1", Btc, OrderSide.Buy, OrderType.Limit, 1m, price: 100m);
        var right = new OrderRequest("o-1", Btc, OrderSide.Buy, OrderType.Limit, 1m, price: 100m);

        left.ShouldBe(right);
    }
}
