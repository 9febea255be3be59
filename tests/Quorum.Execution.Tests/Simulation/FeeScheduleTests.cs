using Quorum.Core.Instruments;
using Quorum.Execution.Simulation;

namespace Quorum.Execution.Tests.Simulation;

public sealed class FeeScheduleTests
{
    private static readonly Symbol BinanceSpot = Symbol.Parse("BINANCE:BTCUSDT");
    private static readonly Symbol BinancePerp = Symbol.Parse("BINANCE:BTCUSDT.P");
    private static readonly Symbol BybitPerp = Symbol.Parse("BYBIT:BTCUSDT.P");

    [Fact]
    public void Default_HoldsTheVenuesRegularRates()
    {
        FeeSchedule.Default.For(BinanceSpot).ShouldBe(new FeeRates(10m, 10m));
        FeeSchedule.Default.For(BinancePerp).ShouldBe(new FeeRates(2m, 5m));
        FeeSchedule.Default.For(BybitPerp).ShouldBe(new FeeRates(2m, 5.5m));
    }

    [Fact]
    public void Override_OfOneSide_KeepsEachVenuesOtherSide()
    {
        var makerOnly = FeeSchedule.Default.Override(makerBps: 0m, takerBps: null);

        makerOnly.For(BinanceSpot).ShouldBe(new FeeRates(0m, 10m));
        makerOnly.For(BinancePerp).ShouldBe(new FeeRates(0m, 5m));
        makerOnly.For(BybitPerp).ShouldBe(new FeeRates(0m, 5.5m));
        FeeSchedule.Default.For(BinancePerp).ShouldBe(new FeeRates(2m, 5m)); // the default is not changed
    }

    [Fact]
    public void Override_OfAFlatSchedule_ReplacesTheFlatRateToo()
    {
        var schedule = FeeSchedule.Flat(7.5m).Override(makerBps: null, takerBps: 4m);

        schedule.For(BybitPerp).ShouldBe(new FeeRates(7.5m, 4m));
        schedule.For(BinanceSpot).ShouldBe(new FeeRates(7.5m, 4m));
    }

    [Fact]
    public void Override_WithANegativeRate_ThrowsNamingIt()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => FeeSchedule.Default.Override(-1m, null)).Message.ShouldContain("maker fee -1 bps must be ≥ 0");
    }
}
