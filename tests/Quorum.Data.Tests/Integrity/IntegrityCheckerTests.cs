using System.Text.Json;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Integrity;
using Quorum.TestKit;
using static Quorum.Data.Tests.Resampling.TestTimes;

namespace Quorum.Data.Tests.Integrity;

public sealed class IntegrityCheckerTests
{
    private static BarSeries Series(Timeframe timeframe, params Bar[] bars) => new(Bars.BtcSpot, timeframe, bars);

    private static BarSeries FiveMinutes(params string[] times) =>
        Series(Timeframe.M5, [.. times.Select(t => Flat(t))]);

    [Fact]
    public void Check_CleanSeries_IsCleanWithSummary()
    {
        var report = IntegrityChecker.Check(Bars.Series(Timeframe.H1, 48));

        report.IsClean.ShouldBeTrue();
        report.HasErrors.ShouldBeFalse();
        report.Issues.ShouldBeEmpty();
        report.Gaps.ShouldBeEmpty();
        report.BarCount.ShouldBe(48);
        report.FirstOpenTimeMs.ShouldBe(Bars.Jan2021);
        report.LastOpenTimeMs.ShouldBe(Utc("2021-01-02 23:00"));
        report.ToText().ShouldBe("BINANCE:BTCUSDT 1h: 48 bars, 2021-01-01 00:00 → 2021-01-02 23:00 UTC: clean\n");
    }

    [Fact]
    public void Check_EmptySeries_IsClean()
    {
        var report = IntegrityChecker.Check(Series(Timeframe.M1));

        report.IsClean.ShouldBeTrue();
        report.FirstOpenTimeMs.ShouldBeNull();
        report.ToText().ShouldBe("BINANCE:BTCUSDT 1m: 0 bars: clean\n");
    }

    [Fact]
    public void Check_FindsEachGapWithFirstAndLastMissingTimeAndCount_AsWarningsOnly()
    {
        var report = IntegrityChecker.Check(FiveMinutes(
            "2021-04-25 03:55", "2021-04-25 04:00", "2021-04-25 08:45", "2021-04-25 08:50", "2021-04-25 09:00"));

        report.Gaps.ShouldBe(
        [
            new BarGap(Utc("2021-04-25 04:05"), Utc("2021-04-25 08:40"), 56, 2),
            new BarGap(Utc("2021-04-25 08:55"), Utc("2021-04-25 08:55"), 1, 4),
        ]);
        report.GapCount.ShouldBe(2);
        report.MissingBarCount.ShouldBe(57);
        report.IsClean.ShouldBeFalse();
        report.HasErrors.ShouldBeFalse();
        report.Issues.ShouldAllBe(i => i.Kind == IntegrityIssueKind.Gap && i.Severity == IntegritySeverity.Warning);
        report.Issues[0].Index.ShouldBe(2);
        report.Issues[0].OpenTimeMs.ShouldBe(Utc("2021-04-25 08:45"));
        report.ToText().ShouldBe(
            "BINANCE:BTCUSDT 5m: 5 bars, 2021-04-25 03:55 → 2021-04-25 09:00 UTC: 2 gaps (57 bars missing), no errors\n" +
            "  warning gap: 2021-04-25 04:05 → 08:40 UTC (56 bars missing)\n" +
            "  warning gap: 2021-04-25 08:55 UTC (1 bar missing)\n");
    }

    [Fact]
    public void Check_GapAcrossMidnight_PrintsBothDates()
    {
        var report = IntegrityChecker.Check(Series(Timeframe.H1, Flat("2020-12-21 22:00"), Flat("2020-12-22 02:00")));

        report.Gaps.Single().ToString().ShouldBe("2020-12-21 23:00 → 2020-12-22 01:00 UTC (3 bars missing)");
    }

    [Fact]
    public void Check_WeeklyGap_IsOnTheMondayGrid()
    {
        var report = IntegrityChecker.Check(Series(Timeframe.W1, Flat("2021-01-04 00:00"), Flat("2021-01-25 00:00")));

        report.HasErrors.ShouldBeFalse();
        report.Gaps.Single().ShouldBe(new BarGap(Utc("2021-01-11 00:00"), Utc("2021-01-18 00:00"), 2, 1));
    }

    [Fact]
    public void Check_AdjacentDuplicates_AreErrorsSayingWhetherTheValuesDiffer()
    {
        var series = Series(Timeframe.M5,
            Flat("2021-01-01 00:00"), Flat("2021-01-01 00:05"), Flat("2021-01-01 00:05"), Flat("2021-01-01 00:05", 101m), Flat("2021-01-01 00:10"));

        var report = IntegrityChecker.Check(series);

        report.HasErrors.ShouldBeTrue();
        report.Gaps.ShouldBeEmpty();
        report.IssueCounts.ShouldBe(new Dictionary<IntegrityIssueKind, int> { [IntegrityIssueKind.Duplicate] = 2 });
        report.Issues.Select(i => (i.Index, i.Severity)).ShouldBe([(2, IntegritySeverity.Error), (3, IntegritySeverity.Error)]);
        report.Issues[0].Message.ShouldBe(
            "bar at index 2 repeats the open time 2021-01-01 00:05 UTC of the bar at index 1 (identical values); open times must be unique");
        report.Issues[1].Message.ShouldContain("(different values)");
    }

    [Fact]
    public void Check_ADisplacedRow_IsOneOutOfOrderIssueAndFakesNoGap()
    {
        var report = IntegrityChecker.Check(FiveMinutes(
            "2021-01-01 00:00", "2021-01-01 00:05", "2021-01-01 00:15", "2021-01-01 00:10", "2021-01-01 00:20"));

        report.Gaps.ShouldBeEmpty();
        report.Issues.Single().Kind.ShouldBe(IntegrityIssueKind.OutOfOrder);
        report.Issues.Single().Index.ShouldBe(3);
        report.Issues.Single().Message.ShouldBe(
            "bar at index 3 opens at 2021-01-01 00:10 UTC, before the bar above it at index 2 (2021-01-01 00:15 UTC); rows must be in ascending open-time order");
    }

    [Fact]
    public void Check_OutOfOrderRows_StillFindTheRealGapsAndNonAdjacentDuplicates()
    {
        var report = IntegrityChecker.Check(FiveMinutes(
            "2021-01-01 00:00", "2021-01-01 00:30", "2021-01-01 00:05", "2021-01-01 00:30", "2021-01-01 00:35"));

        report.Gaps.ShouldBe(
        [
            new BarGap(Utc("2021-01-01 00:10"), Utc("2021-01-01 00:25"), 4, 1),
        ]);
        report.Issues.Select(i => (i.Kind, i.Index)).ShouldBe(
        [
            (IntegrityIssueKind.Gap, 1),
            (IntegrityIssueKind.OutOfOrder, 2),
            (IntegrityIssueKind.Duplicate, 3),
        ]);
        report.Issues[2].Message.ShouldContain("repeats the open time 2021-01-01 00:30 UTC of the bar at index 1");
    }

    [Theory]
    [InlineData("100", "101", "100.5", "100.8", "low > open")]
    [InlineData("100", "101", "99", "102", "high < close")]
    [InlineData("100", "98", "99", "100", "low > high")]
    public void Check_InconsistentOhlc_IsAnErrorNamingTheViolatedRule(string open, string high, string low, string close, string rule)
    {
        var bar = Bar("2021-01-01 00:00", decimal.Parse(open), decimal.Parse(high), decimal.Parse(low), decimal.Parse(close), 1m);

        var report = IntegrityChecker.Check(Series(Timeframe.H1, bar));

        var issue = report.Issues.Single();
        issue.Kind.ShouldBe(IntegrityIssueKind.InconsistentOhlc);
        issue.Severity.ShouldBe(IntegritySeverity.Error);
        issue.Message.ShouldContain(rule);
        issue.Message.ShouldContain($"O={open} H={high} L={low} C={close}");
    }

    [Fact]
    public void Check_NonPositivePricesAndNegativeVolume_AreErrors()
    {
        var report = IntegrityChecker.Check(Series(Timeframe.H1,
            Bar("2021-01-01 00:00", 0m, 1m, 0m, 1m, 5m),
            Bar("2021-01-01 01:00", 1m, 1m, 1m, 1m, -0.5m)));

        report.Issues.Select(i => (i.Kind, i.Index)).ShouldBe(
        [
            (IntegrityIssueKind.NonPositivePrice, 0),
            (IntegrityIssueKind.NegativeVolume, 1),
        ]);
        report.Issues[1].Message.ShouldBe("bar at index 1 (2021-01-01 01:00 UTC) has volume -0.5; volume must be ≥ 0");
    }

    [Fact]
    public void Check_MisalignedOpenTimeAndTooCloseSpacing_AreErrors()
    {
        var report = IntegrityChecker.Check(FiveMinutes("2021-01-01 00:00", "2021-01-01 00:02", "2021-01-01 00:05"));

        report.Issues.Select(i => (i.Kind, i.Index)).ShouldBe(
        [
            (IntegrityIssueKind.Misaligned, 1),
            (IntegrityIssueKind.SpacingBelowTimeframe, 1),
            (IntegrityIssueKind.SpacingBelowTimeframe, 2),
        ]);
        report.Issues[0].Message.ShouldContain("opens at 2021-01-01 00:02 UTC, which is not on the 5m grid");
        report.Issues[1].Message.ShouldContain("opens only 2m after the previous bar; bars of 5m must be at least 5m apart");
        report.Gaps.ShouldBeEmpty();
    }

    [Fact]
    public void Check_SeriesDeclaredWithTheWrongTimeframe_ReportsTheDominantSpacing()
    {
        var fiveMinuteBars = Bars.Sequence(Timeframe.M5, 36, Utc("2021-01-01 00:00"));

        var report = IntegrityChecker.Check(Series(Timeframe.M1, fiveMinuteBars));

        var mismatch = report.Issues[0];
        mismatch.Kind.ShouldBe(IntegrityIssueKind.TimeframeMismatch);
        mismatch.Index.ShouldBeNull();
        mismatch.Message.ShouldBe(
            "series is declared 1m but its most common spacing between bars is 5m (35 of 35 steps); the declared timeframe is probably wrong");
        report.Gaps.Count.ShouldBe(35);
    }

    [Fact]
    public void Check_AFormingBarBeforeTheEnd_IsAnError_ButLastIsFine()
    {
        var report = IntegrityChecker.Check(Series(Timeframe.H1,
            Flat("2021-01-01 00:00"), Flat("2021-01-01 01:00", isClosed: false), Flat("2021-01-01 02:00", isClosed: false)));

        var issue = report.Issues.Single();
        issue.Kind.ShouldBe(IntegrityIssueKind.NonClosedBar);
        issue.Index.ShouldBe(1);
        issue.Message.ShouldBe("bar at index 1 (2021-01-01 01:00 UTC) is not closed; only the last bar may still be forming");
    }

    [Fact]
    public void Check_WithMaxIssues_KeepsThatManyButCountsAll()
    {
        var bars = Bars.Sequence(Timeframe.M1, 100);
        for (var i = 0; i < bars.Length; i++)
        {
            bars[i] = bars[i] with { Volume = -1m };
        }

        var report = IntegrityChecker.Check(Series(Timeframe.M1, bars), new IntegrityOptions { MaxIssues = 3 });

        report.Issues.Count.ShouldBe(3);
        report.TotalIssueCount.ShouldBe(100);
        report.OmittedIssueCount.ShouldBe(97);
        report.IssueCounts[IntegrityIssueKind.NegativeVolume].ShouldBe(100);
        report.ToText().ShouldContain("100 errors (negative-volume 100)");
        report.ToText().ShouldEndWith("  … and 97 more issues not listed (raise IntegrityOptions.MaxIssues to see them)\n");
    }

    [Fact]
    public void Options_MaxIssuesBelowOne_IsRejectedWithTheRange()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => IntegrityChecker.Check(Bars.Series(Timeframe.M1, 2), new IntegrityOptions { MaxIssues = 0 }))
            .Message.ShouldContain("IntegrityOptions.MaxIssues = 0 is out of range (≥ 1)");
    }

    [Fact]
    public void ToJson_HasStableFieldNamesTimesAndCounts()
    {
        var series = Series(Timeframe.M5, Flat("2021-04-25 04:00"), Flat("2021-04-25 08:45"), Flat("2021-04-25 08:45"));

        using var json = JsonDocument.Parse(IntegrityChecker.Check(series).ToJson());

        var root = json.RootElement;
        root.GetProperty("symbol").GetString().ShouldBe("BINANCE:BTCUSDT");
        root.GetProperty("timeframe").GetString().ShouldBe("5m");
        root.GetProperty("barCount").GetInt32().ShouldBe(3);
        root.GetProperty("first").GetString().ShouldBe("2021-04-25T04:00:00Z");
        root.GetProperty("firstOpenTimeMs").GetInt64().ShouldBe(Utc("2021-04-25 04:00"));
        root.GetProperty("last").GetString().ShouldBe("2021-04-25T08:45:00Z");
        root.GetProperty("isClean").GetBoolean().ShouldBeFalse();
        root.GetProperty("hasErrors").GetBoolean().ShouldBeTrue();
        root.GetProperty("gapCount").GetInt64().ShouldBe(1);
        root.GetProperty("missingBarCount").GetInt64().ShouldBe(56);
        root.GetProperty("errorCount").GetInt32().ShouldBe(1);
        root.GetProperty("totalIssueCount").GetInt32().ShouldBe(2);
        root.GetProperty("omittedIssueCount").GetInt32().ShouldBe(0);
        root.GetProperty("issueCounts").GetProperty("gap").GetInt32().ShouldBe(1);
        root.GetProperty("issueCounts").GetProperty("duplicate").GetInt32().ShouldBe(1);
        var gap = root.GetProperty("gaps")[0];
        gap.GetProperty("firstMissing").GetString().ShouldBe("2021-04-25T04:05:00Z");
        gap.GetProperty("firstMissingOpenTimeMs").GetInt64().ShouldBe(Utc("2021-04-25 04:05"));
        gap.GetProperty("lastMissing").GetString().ShouldBe("2021-04-25T08:40:00Z");
        gap.GetProperty("missingBarCount").GetInt64().ShouldBe(56);
        gap.GetProperty("nextBarIndex").GetInt32().ShouldBe(1);
        var duplicate = root.GetProperty("issues")[1];
        duplicate.GetProperty("kind").GetString().ShouldBe("duplicate");
        duplicate.GetProperty("severity").GetString().ShouldBe("error");
        duplicate.GetProperty("index").GetInt32().ShouldBe(2);
        duplicate.GetProperty("openTime").GetString().ShouldBe("2021-04-25T08:45:00Z");
        duplicate.GetProperty("message").GetString().ShouldStartWith("bar at index 2 repeats");
    }

    [Fact]
    public void Check_AMillionBars_FindsTheOneGapInASinglePass()
    {
        var bars = Bars.Sequence(Timeframe.M1, 1_000_001);
        var withGap = bars[..500_000].Concat(bars[500_010..]).ToArray();

        var report = IntegrityChecker.Check(Series(Timeframe.M1, withGap));

        report.Gaps.Single().ShouldBe(new BarGap(bars[500_000].OpenTimeMs, bars[500_009].OpenTimeMs, 10, 500_000));
        report.HasErrors.ShouldBeFalse();
    }
}
