using Quorum.Core.Instruments;
using Quorum.Core.Trading;

namespace Quorum.Core.Tests.Trading;

public sealed class PositionTests
{
    private static readonly Symbol Eth = Symbol.Parse("BYBIT:ETHUSDT.P");

    [Theory]
    [InlineData(PositionSide.Long, 2100, 200)]
    [InlineData(PositionSide.Long, 1900, -200)]
    [InlineData(PositionSide.Short, 2100, -200)]
    [InlineData(PositionSide.Short, 1900, 200)]
    public void UnrealizedPnl_GivenMark_IsSignedByPositionSide(PositionSide side, int mark, int expected)
    {
        var position = new Position(Eth, side, quantity: 2m, averageEntryPrice: 2000m);

        position.UnrealizedPnl(mark).ShouldBe(expected);
    }

    [Fact]
    public void NetPnl_AddsRealizedAndUnrealizedAndSubtractsFees()
    {
        var position = new Position(Eth, PositionSide.Long, 1m, 2000m, realizedPnl: 50m, fees: 3m);

        position.NetPnl(2010m).ShouldBe(57m);
        position.Notional(2010m).ShouldBe(2010m);
        position.CostBasis.ShouldBe(2000m);
        position.SignedQuantity.ShouldBe(1m);
    }

    [Fact]
    public void Flat_KeepsRealizedPnl()
    {
        var position = new Position(Eth, PositionSide.Short, 0m, 0m, realizedPnl: 12m);

        position.IsFlat.ShouldBeTrue();
        position.UnrealizedPnl(2000m).ShouldBe(0m);
        position.ToString().ShouldContain("flat realized 12");
    }

    [Fact]
    public void Constructor_NegativeQuantityOrMissingEntry_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new Position(Eth, PositionSide.Long, -1m, 2000m))
            .Message.ShouldContain("position BYBIT:ETHUSDT.P quantity -1 must be non-negative");
        Should.Throw<ArgumentOutOfRangeException>(() => new Position(Eth, PositionSide.Long, 1m, 0m))
            .Message.ShouldContain("average entry price 0 must be positive");
    }

    [Fact]
    public void UnrealizedPnl_NonPositiveMark_Throws()
    {
        var position = new Position(Eth, PositionSide.Long, 1m, 2000m);

        Should.Throw<ArgumentOutOfRangeException>(() => position.UnrealizedPnl(0m)).Message.ShouldContain("mark price 0 must be positive");
    }
}
