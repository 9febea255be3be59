using Quorum.Core;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Integrity;
using Quorum.TestKit;
using static Quorum.Data.Tests.Resampling.TestTimes;

namespace Quorum.Data.Tests.Integrity;

public sealed class GapFillerTests
{
    private static readonly BarSeries WithGaps = new(Bars.BtcSpot, Timeframe.M5,
    [
        Bar("2021-04-25 03:55", 10m, 12m, 9m, 11m, 5m),
        Bar("2021-04-25 04:00", 11m, 12m, 10m, 10.5m, 6m),
        Bar("2021-04-25 04:15", 10.5m, 13m, 10m, 12m, 7m),
        Bar("2021-04-25 04:25", 12m, 12m, 11m, 11m, 8m),
    ]);

    [Fact]
    public void Fill_InPaperMode_InsertsFlatZeroVolumeBarsAtThePreviousClose()
    {
        var filled = GapFiller.Fill(WithGaps, TradingMode.Paper);

        filled.Span.ToArray().ShouldBe(
        [
            WithGaps[0],
            WithGaps[1],
            Bar("2021-04-25 04:05", 10.5m, 10.5m, 10.5m, 10.5m, 0m),
            Bar("2021-04-25 04:10", 10.5m, 10.5m, 10.5m, 10.5m, 0m),
            WithGaps[2],
            Bar("2021-04-25 04:20", 12m, 12m, 12m, 12m, 0m),
            WithGaps[3],
        ]);
        IntegrityChecker.Check(filled).IsClean.ShouldBeTrue();
    }

    [Fact]
    public void FillWithDetails_ListsTheSynthesizedBarsAndTheFilledGaps()
    {
        var result = GapFiller.FillWithDetails(WithGaps, TradingMode.Paper);

        result.FilledOpenTimesMs.ShouldBe([Utc("2021-04-25 04:05"), Utc("2021-04-25 04:10"), Utc("2021-04-25 04:20")]);
        result.FilledBarCount.ShouldBe(3);
        result.IsFilled(Utc("2021-04-25 04:10")).ShouldBeTrue();
        result.IsFilled(Utc("2021-04-25 04:15")).ShouldBeFalse();
        result.FilledGaps.Select(g => g.ToString()).ShouldBe(
        [
            "2021-04-25 04:05 → 04:10 UTC (2 bars missing)",
            "2021-04-25 04:20 UTC (1 bar missing)",
        ]);
    }

    [Theory]
    [InlineData(TradingMode.Backtest)]
    [InlineData(TradingMode.Live)]
    public void Fill_OutsidePaperMode_ThrowsSayingGapFillIsPaperOnly(TradingMode mode)
    {
        var error = Should.Throw<InvalidOperationException>(() => GapFiller.Fill(WithGaps, mode));

        error.Message.ShouldStartWith("gap-fill is only allowed in paper mode");
        error.Message.ShouldContain($"in {mode} mode");
    }

    [Fact]
    public void Fill_WithoutGaps_ReturnsTheSameBarsAndNothingFilled()
    {
        var series = Bars.Series(Timeframe.H1, 10);

        var result = GapFiller.FillWithDetails(series, TradingMode.Paper);

        result.Series.Span.ToArray().ShouldBe(series.Span.ToArray());
        result.FilledOpenTimesMs.ShouldBeEmpty();
    }

    [Fact]
    public void Fill_WhenRowsAreOutOfOrder_ThrowsNamingTheRow()
    {
        var series = new BarSeries(Bars.BtcSpot, Timeframe.M5, [Flat("2021-01-01 00:10"), Flat("2021-01-01 00:05")]);

        Should.Throw<ArgumentException>(() => GapFiller.Fill(series, TradingMode.Paper))
            .Message.ShouldContain("bar at index 1 (2021-01-01 00:05 UTC) is not after the bar at index 0 (2021-01-01 00:10 UTC)");
    }
}
