using Quorum.Core.Instruments;
using Quorum.Core.Trading;

namespace Quorum.Core.Tests.Trading;

public sealed class OrderTests
{
    private static readonly Symbol Btc = Symbol.Parse("BINANCE:BTCUSDT.P");
    private static readonly OrderRequest Buy = new("o-1", Btc, OrderSide.Buy, OrderType.Limit, 1m, price: 100m);

    [Fact]
    public void Constructor_New_HasNothingFilled()
    {
        var order = new Order(Buy, createdAtMs: 1000);

        order.Status.ShouldBe(OrderStatus.New);
        order.FilledQuantity.ShouldBe(0m);
        order.RemainingQuantity.ShouldBe(1m);
        order.AverageFillPrice.ShouldBeNull();
        order.UpdatedAtMs.ShouldBe(1000);
        order.IsTerminal.ShouldBeFalse();
        order.ClientOrderId.ShouldBe("o-1");
        order.Price.ShouldBe(100m);
    }

    [Fact]
    public void WithFill_TwoPartialFills_AveragesPriceByVolumeAndCompletes()
    {
        var order = new Order(Buy, 1000).WithStatus(OrderStatus.Accepted, 1001, venueOrderId: "V1");

        var partial = order.WithFill(Fill("o-1", 99m, 0.25m, 1002));
        var full = partial.WithFill(Fill("o-1", 100m, 0.75m, 1003));

        partial.Status.ShouldBe(OrderStatus.PartiallyFilled);
        partial.FilledQuantity.ShouldBe(0.25m);
        partial.AverageFillPrice.ShouldBe(99m);
        full.Status.ShouldBe(OrderStatus.Filled);
        full.AverageFillPrice.ShouldBe(99.75m);
        full.RemainingQuantity.ShouldBe(0m);
        full.IsTerminal.ShouldBeTrue();
        full.VenueOrderId.ShouldBe("V1");
        full.UpdatedAtMs.ShouldBe(1003);
    }

    [Fact]
    public void WithFill_Overfill_ThrowsNamingQuantities()
    {
        var order = new Order(Buy, 1000).WithFill(Fill("o-1", 100m, 0.6m, 1001));

        var error = Should.Throw<InvalidOperationException>(() => order.WithFill(Fill("o-1", 100m, 0.5m, 1002)));

        error.Message.ShouldBe("order o-1: fill of 0.5 would overfill (filled 0.6 of 1)");
    }

    [Fact]
    public void WithFill_OfAnotherOrder_Throws()
    {
        var order = new Order(Buy, 1000);

        Should.Throw<ArgumentException>(() => order.WithFill(Fill("o-2", 100m, 0.5m, 1001))).Message.ShouldContain("does not belong to order o-1");
    }

    [Fact]
    public void WithFill_PartialFillRacingACancel_KeepsOrderCanceled()
    {
        var canceled = new Order(Buy, 1000).WithStatus(OrderStatus.Canceled, 1005);

        var afterLateFill = canceled.WithFill(Fill("o-1", 100m, 0.5m, 1004));

        afterLateFill.Status.ShouldBe(OrderStatus.Canceled);
        afterLateFill.FilledQuantity.ShouldBe(0.5m);
        afterLateFill.UpdatedAtMs.ShouldBe(1005);
    }

    [Fact]
    public void WithStatus_TimeBeforeLastUpdate_ThrowsNamingBothTimes()
    {
        var order = new Order(Buy, 1000).WithStatus(OrderStatus.Submitted, 2000);

        var error = Should.Throw<ArgumentOutOfRangeException>(() => order.WithStatus(OrderStatus.Accepted, 1999));

        error.Message.ShouldContain("timeMs 1999 is before order last update 2000");
    }

    [Fact]
    public void Constructor_InconsistentFillState_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new Order(Buy, 1000, OrderStatus.PartiallyFilled, filledQuantity: 2m, averageFillPrice: 100m))
            .Message.ShouldContain("filled quantity 2 exceeds order quantity 1");
        Should.Throw<ArgumentException>(() => new Order(Buy, 1000, OrderStatus.PartiallyFilled, filledQuantity: 0.5m))
            .Message.ShouldContain("average fill price none must be given exactly when something filled");
        Should.Throw<ArgumentException>(() => new Order(Buy, 1000, OrderStatus.Filled, filledQuantity: 0.5m, averageFillPrice: 100m))
            .Message.ShouldContain("status Filled needs filled quantity 1 (got 0.5)");
        Should.Throw<ArgumentException>(() => new Order(Buy, 1000, OrderStatus.PartiallyFilled))
            .Message.ShouldContain("status PartiallyFilled needs 0 < filled < 1 (got 0)");
        Should.Throw<ArgumentOutOfRangeException>(() => new Order(Buy, 1000, updatedAtMs: 999))
            .Message.ShouldContain("updatedAtMs 999 is before createdAtMs 1000");
    }

    [Theory]
    [InlineData(OrderStatus.Accepted)]
    [InlineData(OrderStatus.Canceled)]
    [InlineData(OrderStatus.Expired)]
    public void Constructor_WholeQuantityFilledButNotStatusFilled_Throws(OrderStatus status)
    {
        var error = Should.Throw<ArgumentException>(() => new Order(Buy, 1000, status, filledQuantity: 1m, averageFillPrice: 100m));

        error.Message.ShouldContain($"filled quantity 1 is the whole order, so the status must be Filled (got {status})");
    }

    [Fact]
    public void WithStatus_CancelAfterTheLastFill_IsRefusedBecauseTheOrderIsFilled()
    {
        var filled = new Order(Buy, 1000).WithFill(Fill("o-1", 100m, 1m, 1001));

        Should.Throw<ArgumentException>(() => filled.WithStatus(OrderStatus.Canceled, 1002)).Message.ShouldContain("must be Filled");
    }

    [Fact]
    public void WithFill_LastFillOfACanceledOrder_MakesItFilled()
    {
        var canceled = new Order(Buy, 1000).WithFill(Fill("o-1", 100m, 0.5m, 1001)).WithStatus(OrderStatus.Canceled, 1002);

        canceled.WithFill(Fill("o-1", 100m, 0.5m, 1001)).Status.ShouldBe(OrderStatus.Filled);
    }

    [Fact]
    public void Fill_FeeAssetIsUpperCasedAndRebateAllowed()
    {
        var fill = new Fill("o-1", Btc, OrderSide.Buy, 100m, 2m, fee: -0.01m, feeAsset: "usdt", LiquiditySide.Maker, 1000, tradeId: "T9");

        fill.FeeAsset.ShouldBe("USDT");
        fill.Fee.ShouldBe(-0.01m);
        fill.Notional.ShouldBe(200m);
        fill.TradeId.ShouldBe("T9");
    }

    [Fact]
    public void Fill_NonPositivePriceOrQuantity_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Fill("o-1", 0m, 1m, 1000)).Message.ShouldContain("fill of o-1 price 0 must be positive");
        Should.Throw<ArgumentOutOfRangeException>(() => Fill("o-1", 100m, -1m, 1000)).Message.ShouldContain("fill of o-1 quantity -1 must be positive");
    }

    private static Fill Fill(string orderId, decimal price, decimal quantity, long timeMs) =>
        new(orderId, Btc, OrderSide.Buy, price, quantity, fee: 0.01m, feeAsset: "USDT", LiquiditySide.Taker, timeMs);
}
