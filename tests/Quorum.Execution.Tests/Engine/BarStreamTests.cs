using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Execution.Engine;
using static Quorum.Execution.Tests.Engine.EngineTestData;

namespace Quorum.Execution.Tests.Engine;

public sealed class BarStreamTests
{
    [Fact]
    public void Constructor_OpenTimesNotIncreasing_ThrowsNamingSymbolIndexAndTimes()
    {
        Bar[] bars = [Bar(At(1, 0)), Bar(At(2, 0)), Bar(At(2, 0))];

        var error = Should.Throw<ArgumentException>(() => new BarStream(Btc, Timeframe.H1, bars, BarRole.Deliver));

        error.Message.ShouldBe(
            "BINANCE:BTCUSDT 1h: bar 2 opens at 1609466400000 (2021-01-01 02:00:00Z), not after bar 1 at 1609466400000 (2021-01-01 02:00:00Z): " +
            "open times must strictly increase (Parameter 'bars')");
    }

    [Fact]
    public void Constructor_OpenTimeOffTheTimeframeGrid_ThrowsNamingTheExpectedTime()
    {
        Bar[] bars = [Bar(At(1, 0)), Bar(At(2, 30))];

        var error = Should.Throw<ArgumentException>(() => new BarStream(Eth, Timeframe.H1, bars, BarRole.MatchAndDeliver));

        error.Message.ShouldStartWith(
            "BINANCE:ETHUSDT.P 1h: bar 1 opens at 1609468200000 (2021-01-01 02:30:00Z), which is not on the 1h grid (expected 1609466400000 (2021-01-01 02:00:00Z)");
    }

    [Fact]
    public void Constructor_StillFormingBar_Throws()
    {
        Bar[] bars = [Bar(At(1, 0)), Bar(At(1, 1)) with { IsClosed = false }];

        Should.Throw<ArgumentException>(() => new BarStream(Btc, Timeframe.M1, bars, BarRole.Match))
            .Message.ShouldContain("bar 1 at 1609462860000 (2021-01-01 01:01:00Z) is still forming");
    }

    [Theory]
    [InlineData(BarRole.None)]
    [InlineData((BarRole)4)]
    public void Constructor_RoleNotMatchOrDeliver_Throws(BarRole role)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new BarStream(Btc, Timeframe.M1, Bars(Timeframe.M1, At(0, 0), 1), role))
            .Message.ShouldContain("(allowed: Match, Deliver, MatchAndDeliver)");
    }

    [Fact]
    public void Constructor_WeeklyBarsOnMonday_AreAligned()
    {
        // 2021-01-04 was a Monday: weekly bars align there, not on multiples of 7 days from the epoch.
        var monday = Day + (3 * Timeframe.DayMs);
        var stream = new BarStream(Btc, Timeframe.W1, Bars(Timeframe.W1, monday, 3), BarRole.MatchAndDeliver);

        stream.FirstCloseTimeMs.ShouldBe(monday + Timeframe.WeekMs);
        stream.LastCloseTimeMs.ShouldBe(monday + (3 * Timeframe.WeekMs));
    }
}
