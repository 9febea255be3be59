using Quorum.Core.Instruments;
using Quorum.Core.MarketData;

namespace Quorum.Core.Tests.MarketData;

public sealed class OrderBookSnapshotTests
{
    private static readonly Symbol Btc = Symbol.Parse("BINANCE:BTCUSDT");

    [Fact]
    public void BestMidSpread_OfSortedBook_AreFromTopLevels()
    {
        var book = Book(bids: [(99.9m, 1m), (99.8m, 2m)], asks: [(100.1m, 3m), (100.2m, 4m)]);

        book.BestBid.ShouldBe(new OrderBookLevel(99.9m, 1m));
        book.BestAsk.ShouldBe(new OrderBookLevel(100.1m, 3m));
        book.MidPrice.ShouldBe(100m);
        book.Spread.ShouldBe(0.2m);
        book.SpreadBps.ShouldBe(20m);
    }

    [Fact]
    public void DepthWithinBps_CountsLevelsInsideTheBandBoundsIncluded()
    {
        // mid 100; 10 bps band = [99.9, 100.1]; 30 bps = [99.7, 100.3]
        var book = Book(
            bids: [(99.95m, 1m), (99.9m, 2m), (99.8m, 4m), (99.7m, 8m)],
            asks: [(100.05m, 1m), (100.1m, 2m), (100.3m, 4m), (100.4m, 8m)]);

        book.DepthQuantity(BookSide.Bid, 10m).ShouldBe(3m);
        book.DepthQuantity(BookSide.Ask, 10m).ShouldBe(3m);
        book.DepthQuantity(BookSide.Bid, 30m).ShouldBe(15m);
        book.DepthQuantity(BookSide.Ask, 30m).ShouldBe(7m);
        book.DepthQuantity(BookSide.Bid, 0m).ShouldBe(0m);
        book.DepthNotional(BookSide.Ask, 10m).ShouldBe((100.05m * 1m) + (100.1m * 2m));
    }

    [Fact]
    public void OneSidedBook_HasNoMidSpreadOrDepth()
    {
        var book = Book(bids: [(99m, 1m)], asks: []);

        book.BestAsk.ShouldBeNull();
        book.MidPrice.ShouldBeNull();
        book.Spread.ShouldBeNull();
        book.SpreadBps.ShouldBeNull();
        book.DepthQuantity(BookSide.Bid, 100m).ShouldBe(0m);
    }

    [Fact]
    public void Constructor_BidsNotDescending_ThrowsNamingLevelAndRule()
    {
        var error = Should.Throw<ArgumentException>(() => Book(bids: [(99m, 1m), (99.5m, 1m)], asks: [(101m, 1m)]));

        error.ParamName.ShouldBe("bids");
        error.Message.ShouldContain("bids[1] price 99.5 after 99");
        error.Message.ShouldContain("strictly descending");
    }

    [Fact]
    public void Constructor_AsksNotAscending_Throws()
    {
        var error = Should.Throw<ArgumentException>(() => Book(bids: [(99m, 1m)], asks: [(101m, 1m), (101m, 2m)]));

        error.Message.ShouldContain("asks[1] price 101 after 101");
        error.Message.ShouldContain("strictly ascending");
    }

    [Theory]
    [InlineData(100.0, 100.0)]
    [InlineData(100.5, 100.0)]
    public void Constructor_CrossedOrLockedBook_ThrowsNamingBestPrices(double bid, double ask)
    {
        var error = Should.Throw<ArgumentException>(() => Book(bids: [((decimal)bid, 1m)], asks: [((decimal)ask, 1m)]));

        error.Message.ShouldContain($"crossed: best bid {(decimal)bid} ≥ best ask {(decimal)ask}");
    }

    [Fact]
    public void Constructor_DefaultLevel_Throws()
    {
        Should.Throw<ArgumentException>(() => new OrderBookSnapshot(Btc, 0, [default], [])).Message.ShouldContain("bids[0] has no price");
    }

    [Fact]
    public void OrderBookLevel_NonPositiveValues_Throw()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new OrderBookLevel(0m, 1m)).Message.ShouldContain("book level price 0 must be positive");
        Should.Throw<ArgumentOutOfRangeException>(() => new OrderBookLevel(100m, 0m)).Message.ShouldContain("book level 100 quantity 0 must be positive");
    }

    [Fact]
    public void DepthQuantity_NegativeBand_Throws()
    {
        var book = Book(bids: [(99m, 1m)], asks: [(101m, 1m)]);

        Should.Throw<ArgumentOutOfRangeException>(() => book.DepthQuantity(BookSide.Bid, -1m)).Message.ShouldContain("depth band in bps -1");
    }

    private static OrderBookSnapshot Book((decimal Price, decimal Quantity)[] bids, (decimal Price, decimal Quantity)[] asks) =>
        new(Btc, 1_000, bids.Select(l => new OrderBookLevel(l.Price, l.Quantity)), asks.Select(l => new OrderBookLevel(l.Price, l.Quantity)), updateId: 42);
}
