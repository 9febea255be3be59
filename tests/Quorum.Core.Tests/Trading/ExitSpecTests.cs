using Quorum.Core.Instruments;
using Quorum.Core.Trading;

namespace Quorum.Core.Tests.Trading;

public sealed class ExitSpecTests
{
    private static readonly Instrument Spot = new(Symbol.Parse("BINANCE:BTCUSDT"), new InstrumentFilters(0.01m, 0.001m, 0.001m, 5m));

    [Fact]
    public void New_WithBothAStopMultipleAndAStopPrice_Throws()
    {
        Should.Throw<ArgumentException>(() => new ExitSpec(stopAtrMultiple: 2m, stopPrice: 90m))
            .Message.ShouldStartWith("an exit spec has either a stop ATR multiple (2) or a stop price (90), not both");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(51)]
    public void New_WithAStopMultipleOutOfRange_Throws(decimal multiple) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new ExitSpec(stopAtrMultiple: multiple)).Message.ShouldContain("out of range (0 < x ≤ 50)");

    [Fact]
    public void New_WithTakeProfitsNotIncreasing_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new ExitSpec(takeProfits: [new TakeProfitAtR(2m, 0.25m), new TakeProfitAtR(1m, 0.25m)]))
            .Message.ShouldStartWith("take-profit levels must be strictly increasing in R (1R follows 2R)");

    [Fact]
    public void New_WithFractionsAboveOne_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new ExitSpec(takeProfits: [new TakeProfitAtR(1m, 0.6m), new TakeProfitAtR(2m, 0.5m)]))
            .Message.ShouldStartWith("take-profit fractions sum to 1.1 (allowed: ≤ 1)");

    [Theory]
    [InlineData(0L)]
    [InlineData(-5L)]
    public void New_WithANonPositiveTimeStop_Throws(long ms) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new ExitSpec(timeStopMs: ms)).Message.ShouldContain("must be positive");

    [Fact]
    public void StopFor_AtrStop_IsTheMultipleOfAtrOnTheLosingSideOnTheTick()
    {
        var exits = new ExitSpec(stopAtrMultiple: 1.5m);

        // long: 100 − 1.5 × 2.333 = 96.5005 → 96.50; short: 100 + 3.4995 = 103.4995 → 103.50
        exits.StopFor(Spot, PositionSide.Long, 100m, 2.333, 2m).ShouldBe(96.50m);
        exits.StopFor(Spot, PositionSide.Short, 100m, 2.333, 2m).ShouldBe(103.50m);
        ExitSpec.None.StopFor(Spot, PositionSide.Long, 100m, 2.5, 2m).ShouldBe(95m);
    }

    [Fact]
    public void StopFor_WhenAtrIsNotUsableOrTheStopIsOnTheWrongSide_IsNull()
    {
        ExitSpec.None.StopFor(Spot, PositionSide.Long, 100m, double.NaN, 2m).ShouldBeNull();
        ExitSpec.None.StopFor(Spot, PositionSide.Long, 100m, 0, 2m).ShouldBeNull();
        ExitSpec.None.StopFor(Spot, PositionSide.Long, 100m, 60, 2m).ShouldBeNull(); // 100 − 120 < 0
        new ExitSpec(stopPrice: 101m).StopFor(Spot, PositionSide.Long, 100m, 1, 2m).ShouldBeNull();
        new ExitSpec(stopPrice: 101m).StopFor(Spot, PositionSide.Short, 100m, double.NaN, 2m).ShouldBe(101m);
    }

    [Fact]
    public void TakeProfitsFor_ArePricesAtTheirRDistanceOnTheTickAtLeastOneTickAway()
    {
        var exits = new ExitSpec(takeProfits: [new TakeProfitAtR(0.001m, 0.5m), new TakeProfitAtR(1.5m, 0.5m)]);

        // R = 100 − 97 = 3: 0.001R = 0.003 rounds to the entry → one tick beyond (100.01); 1.5R = 104.50.
        exits.TakeProfitsFor(Spot, PositionSide.Long, 100m, 97m).Select(tp => (tp.Price, tp.Fraction)).ShouldBe([(100.01m, 0.5m), (104.50m, 0.5m)]);
        // short, R = 3: 99.99 and 95.50
        exits.TakeProfitsFor(Spot, PositionSide.Short, 100m, 103m).Select(tp => tp.Price).ShouldBe([99.99m, 95.50m]);
    }

    [Fact]
    public void Signal_EqualityIncludesTheExits()
    {
        var a = new Signal(Spot.Symbol, PositionSide.Long, "x", 1.0, 0, exits: new ExitSpec(stopAtrMultiple: 2m));
        var b = new Signal(Spot.Symbol, PositionSide.Long, "x", 1.0, 0, exits: new ExitSpec(stopAtrMultiple: 2m));
        var c = new Signal(Spot.Symbol, PositionSide.Long, "x", 1.0, 0, exits: new ExitSpec(stopAtrMultiple: 3m));

        a.ShouldBe(b);
        a.ShouldNotBe(c);
        a.ToString().ShouldContain("exits: stop 2×ATR");
    }
}
