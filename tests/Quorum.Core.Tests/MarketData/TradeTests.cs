using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Trading;

namespace Quorum.Core.Tests.MarketData;

public sealed class TradeTests
{
    private static readonly Symbol Btc = Symbol.Parse("BINANCE:BTCUSDT");

    [Fact]
    public void Constructor_ValidPrint_KeepsFieldsAndComputesNotional()
    {
        var trade = new Trade(Btc, 1_609_459_200_123, 29_000.5m, 0.002m, OrderSide.Sell, "12345");

        trade.Notional.ShouldBe(58.001m);
        trade.AggressorSide.ShouldBe(OrderSide.Sell);
        trade.Time.ShouldBe(DateTimeOffset.Parse("2021-01-01T00:00:00.123Z", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Constructor_NonPositivePriceOrQuantity_ThrowsNamingSymbolAndValue()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new Trade(Btc, 0, 0m, 1m, OrderSide.Buy, "1"))
            .Message.ShouldContain("BINANCE:BTCUSDT trade price 0 must be positive");
        Should.Throw<ArgumentOutOfRangeException>(() => new Trade(Btc, 0, 1m, -2m, OrderSide.Buy, "1"))
            .Message.ShouldContain("BINANCE:BTCUSDT trade quantity -2 must be positive");
    }

    [Fact]
    public void Constructor_BlankIdOrUndefinedSide_Throws()
    {
        Should.Throw<ArgumentException>(() => new Trade(Btc, 0, 1m, 1m, OrderSide.Buy, ""));
        Should.Throw<ArgumentOutOfRangeException>(() => new Trade(Btc, 0, 1m, 1m, (OrderSide)5, "1"))
            .Message.ShouldContain("OrderSide 5 is not defined (allowed: Buy, Sell)");
    }
}
