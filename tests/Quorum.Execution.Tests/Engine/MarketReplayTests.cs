using Quorum.Core.Time;
using Quorum.Execution.Engine;
using static Quorum.Execution.Tests.Engine.EngineTestData;

namespace Quorum.Execution.Tests.Engine;

/// <summary>Role assignment by <see cref="MarketReplay.For"/> and the replay's own checks.</summary>
public sealed class MarketReplayTests
{
    private static string Roles(MarketReplay replay) => string.Join(", ", replay.Streams.Select(s => $"{s.Symbol.Pair} {s.Timeframe} {s.Role}"));

    [Fact]
    public void For_WithoutDetail_TheFinestDeliveredStreamOfEachSymbolIsMatchAndDeliver()
    {
        var replay = MarketReplay.For(
        [
            Series(Btc, Timeframe.H4, At(0, 0), 2),
            Series(Btc, Timeframe.M15, At(0, 0), 2),
            Series(Eth, Timeframe.H1, At(0, 0), 2),
            Series(Btc, Timeframe.H1, At(0, 0), 2),
        ]);

        Roles(replay).ShouldBe("BTCUSDT 4h Deliver, BTCUSDT 15m MatchAndDeliver, ETHUSDT 1h MatchAndDeliver, BTCUSDT 1h Deliver");
    }

    [Fact]
    public void For_WithDetail_TheDetailStreamIsMatchAndEveryDeliveredStreamIsDeliver()
    {
        var replay = MarketReplay.For(
            [Series(Btc, Timeframe.H1, At(0, 0), 2), Series(Btc, Timeframe.H4, At(0, 0), 1), Series(Eth, Timeframe.H1, At(0, 0), 2)],
            [Series(Btc, Timeframe.M1, At(0, 0), 120)]);

        Roles(replay).ShouldBe("BTCUSDT 1h Deliver, BTCUSDT 4h Deliver, ETHUSDT 1h MatchAndDeliver, BTCUSDT 1m Match");
        replay.Validate();
    }

    [Fact]
    public void For_WithDetailOfTheSameTimeframeAsADeliveredStream_MakesThatStreamMatchAndDeliverInsteadOfAddingItTwice()
    {
        var replay = MarketReplay.For([Series(Btc, Timeframe.M1, At(0, 0), 5), Series(Btc, Timeframe.H1, At(0, 0), 1)], [Series(Btc, Timeframe.M1, At(0, 0), 5)]);

        Roles(replay).ShouldBe("BTCUSDT 1m MatchAndDeliver, BTCUSDT 1h Deliver");
        replay.BarCount.ShouldBe(6);
    }

    [Fact]
    public void For_WithDetailCoarserThanADeliveredStream_Throws()
    {
        var error = Should.Throw<ArgumentException>(() =>
            MarketReplay.For([Series(Btc, Timeframe.M5, At(0, 0), 2)], [Series(Btc, Timeframe.H1, At(0, 0), 1)]));

        error.Message.ShouldContain("the detail series of BINANCE:BTCUSDT is 1h, coarser than its delivered 5m series");
    }

    [Fact]
    public void For_WithTwoDetailSeriesForOneSymbol_Throws()
    {
        var error = Should.Throw<ArgumentException>(() =>
            MarketReplay.For([Series(Btc, Timeframe.H1, At(0, 0), 2)], [Series(Btc, Timeframe.M1, At(0, 0), 2), Series(Btc, Timeframe.M5, At(0, 0), 2)]));

        error.Message.ShouldContain("BINANCE:BTCUSDT has two detail series (1m and 5m)");
    }

    [Fact]
    public void AddBars_SecondMatchStreamForASymbol_Throws()
    {
        var replay = new MarketReplay().AddBars(new BarStream(Btc, Timeframe.M1, Bars(Timeframe.M1, At(0, 0), 2), BarRole.Match));

        var error = Should.Throw<ArgumentException>(() => replay.AddBars(new BarStream(Btc, Timeframe.M5, Bars(Timeframe.M5, At(0, 0), 2), BarRole.MatchAndDeliver)));

        error.Message.ShouldContain("BINANCE:BTCUSDT already has a Match stream (BINANCE:BTCUSDT 1m Match (2 bars))");
    }

    [Fact]
    public void AddBars_SameSymbolAndTimeframeTwice_Throws()
    {
        var replay = new MarketReplay().AddBars(new BarStream(Btc, Timeframe.H1, Bars(Timeframe.H1, At(0, 0), 2), BarRole.Deliver));

        Should.Throw<ArgumentException>(() => replay.AddBars(new BarStream(Btc, Timeframe.H1, Bars(Timeframe.H1, At(5, 0), 2), BarRole.Deliver)))
            .Message.ShouldContain("BINANCE:BTCUSDT 1h already has a stream");
    }

    [Fact]
    public void Validate_SymbolWithoutAMatchStream_Throws()
    {
        var replay = new MarketReplay()
            .AddBars(new BarStream(Btc, Timeframe.M1, Bars(Timeframe.M1, At(0, 0), 2), BarRole.MatchAndDeliver))
            .AddBars(new BarStream(Eth, Timeframe.H1, Bars(Timeframe.H1, At(0, 0), 2), BarRole.Deliver));

        Should.Throw<InvalidOperationException>(replay.Validate).Message.ShouldContain("BINANCE:ETHUSDT.P has bar streams (BINANCE:ETHUSDT.P 1h Deliver (2 bars)) but none with the Match role");
    }

    [Fact]
    public void Validate_EndTimeBeforeTheLastEvent_Throws()
    {
        var replay = new MarketReplay { EndTimeMs = At(0, 1) }
            .AddBars(new BarStream(Btc, Timeframe.M1, Bars(Timeframe.M1, At(0, 0), 3), BarRole.MatchAndDeliver));

        Should.Throw<InvalidOperationException>(replay.Validate).Message.ShouldContain("end time 1609459260000 (2021-01-01 00:01:00Z) is before the last event at 1609459380000 (2021-01-01 00:03:00Z)");
    }

    [Fact]
    public void AddFunding_TimesNotIncreasing_Throws()
    {
        var error = Should.Throw<ArgumentException>(() => new MarketReplay().AddFunding(Eth, [Funding(Eth, At(8, 0)), Funding(Eth, At(8, 0))]));

        error.Message.ShouldBe(
            "market replay: BINANCE:ETHUSDT.P funding rate 1 at 1609488000000 (2021-01-01 08:00:00Z) is not after rate 0 at 1609488000000 (2021-01-01 08:00:00Z): " +
            "funding times must strictly increase (Parameter 'rates')");
    }

    [Fact]
    public void AddFunding_RateOfAnotherSymbol_Throws()
    {
        Should.Throw<ArgumentException>(() => new MarketReplay().AddFunding(Eth, [Funding(Btc, At(8, 0))]))
            .Message.ShouldContain("funding rate 0 is for BINANCE:BTCUSDT, not BINANCE:ETHUSDT.P");
    }

    [Fact]
    public void Counts_AndEventTimes_CoverBarsAndFunding()
    {
        var replay = new MarketReplay()
            .AddBars(new BarStream(Btc, Timeframe.H1, Bars(Timeframe.H1, At(1, 0), 3), BarRole.MatchAndDeliver))
            .AddFunding(Btc, [Funding(Btc, At(0, 30)), Funding(Btc, At(8, 0))]);

        (replay.BarCount, replay.FundingCount, replay.EventCount).ShouldBe((3L, 2L, 5L));
        replay.FirstEventTimeMs.ShouldBe(At(0, 30));
        replay.LastEventTimeMs.ShouldBe(At(8, 0));
    }
}
