using Quorum.Core.Instruments;
using Quorum.Core.MarketData;

namespace Quorum.Core.Tests.MarketData;

public sealed class QuoteTests
{
    private static readonly Symbol Eth = Symbol.Parse("BYBIT:ETHUSDT.P");

    [Fact]
    public void MidAndSpread_OfValidQuote()
    {
        var quote = new Quote(Eth, 0, bidPrice: 1999m, bidQuantity: 5m, askPrice: 2001m, askQuantity: 4m);

        quote.MidPrice.ShouldBe(2000m);
        quote.Spread.ShouldBe(2m);
        quote.SpreadBps.ShouldBe(10m);
    }

    [Fact]
    public void Constructor_Crossed_ThrowsNamingBidAndAsk()
    {
        var error = Should.Throw<ArgumentException>(() => new Quote(Eth, 7, 2001m, 1m, 2000m, 1m));

        error.Message.ShouldContain("BYBIT:ETHUSDT.P quote at 7 is crossed: bid 2001 ≥ ask 2000");
    }

    [Fact]
    public void Constructor_NonPositiveQuantity_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new Quote(Eth, 0, 1999m, 0m, 2001m, 1m)).Message.ShouldContain("bid quantity 0 must be positive");
    }
}
