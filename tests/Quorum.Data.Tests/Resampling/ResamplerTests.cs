using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Resampling;
using Quorum.TestKit;
using static Quorum.Data.Tests.Resampling.TestTimes;

namespace Quorum.Data.Tests.Resampling;

public sealed class ResamplerTests
{
    private static BarSeries Series(Timeframe timeframe, params Bar[] bars) => new(Bars.BtcSpot, timeframe, bars);

    [Fact]
    public void Resample_1mTo5m_TakesFirstOpenHighestHighLowestLowLastCloseAndSumOfVolume()
    {
        var source = Series(Timeframe.M1,
            Bar("2021-01-01 00:00", 10m, 12m, 9m, 11m, 1.5m),
            Bar("2021-01-01 00:01", 11m, 15m, 10m, 14m, 2.25m),
            Bar("2021-01-01 00:02", 14m, 14m, 7m, 8m, 0m),
            Bar("2021-01-01 00:03", 8m, 9m, 8m, 9m, 3m),
            Bar("2021-01-01 00:04", 9m, 10m, 8.5m, 9.5m, 0.000001m),
            Bar("2021-01-01 00:05", 9.5m, 9.5m, 9m, 9m, 4m));

        var result = Resampler.Resample(source, Timeframe.M5);

        result.Timeframe.ShouldBe(Timeframe.M5);
        result.Symbol.ShouldBe(Bars.BtcSpot);
        result.Count.ShouldBe(2);
        result[0].ShouldBe(Bar("2021-01-01 00:00", 10m, 15m, 7m, 9.5m, 6.750001m));
        result[1].ShouldBe(Bar("2021-01-01 00:05", 9.5m, 9.5m, 9m, 9m, 4m, isClosed: false));
    }

    [Fact]
    public void Resample_1dTo1w_BucketsOpenOnMondayUtc()
    {
        // 2021-01-01 was a Friday; the weeks open on Monday 2020-12-28 and Monday 2021-01-04.
        var source = Series(Timeframe.D1, Bars.Sequence(Timeframe.D1, 10, Utc("2021-01-01 00:00")));

        var result = Resampler.ResampleWithDetails(source, Timeframe.W1);

        result.Series.Span.ToArray().Select(b => Text(b.OpenTimeMs)).ShouldBe(["2020-12-28 00:00", "2021-01-04 00:00"]);
        result.Series.Span.ToArray().Select(b => b.OpenTime.DayOfWeek).ShouldAllBe(d => d == DayOfWeek.Monday);
        result.ConstituentCounts.ShouldBe([3, 7]);
        result.FirstBucketIsPartial.ShouldBeTrue();
        result.Series[1].IsClosed.ShouldBeTrue();
    }

    [Fact]
    public void Resample_1mTo1w_SundayLastMinuteAndMondayFirstMinuteFallInDifferentWeeks()
    {
        var source = Series(Timeframe.M1, Flat("2021-01-10 23:59", 100m), Flat("2021-01-11 00:00", 200m));

        var result = Resampler.Resample(source, Timeframe.W1);

        result.Span.ToArray().Select(b => Text(b.OpenTimeMs)).ShouldBe(["2021-01-04 00:00", "2021-01-11 00:00"]);
        result[0].Close.ShouldBe(100m);
        result[1].Open.ShouldBe(200m);
    }

    [Fact]
    public void Resample_WhenSourceEndsBeforeTheLastBucketCloses_MarksOnlyTheLastBarNotClosed()
    {
        var source = Series(Timeframe.M1, Bars.Sequence(Timeframe.M1, 150, Utc("2021-01-01 00:00")));

        var result = Resampler.Resample(source, Timeframe.H1);

        result.Span.ToArray().Select(b => b.IsClosed).ShouldBe([true, true, false]);
        Text(result[^1].OpenTimeMs).ShouldBe("2021-01-01 02:00");
    }

    [Fact]
    public void Resample_WhenTheLastBucketHasItsLastConstituent_MarksItClosed()
    {
        var source = Series(Timeframe.M1, Bars.Sequence(Timeframe.M1, 120, Utc("2021-01-01 00:00")));

        var result = Resampler.Resample(source, Timeframe.H1);

        result.Span.ToArray().Select(b => b.IsClosed).ShouldBe([true, true]);
    }

    [Fact]
    public void Resample_WhenTheLastSourceBarIsStillForming_MarksTheLastBucketNotClosed()
    {
        var bars = Bars.Sequence(Timeframe.M1, 60, Utc("2021-01-01 00:00"));
        bars[^1] = bars[^1] with { IsClosed = false };

        var result = Resampler.Resample(Series(Timeframe.M1, bars), Timeframe.H1);

        result.Count.ShouldBe(1);
        result[0].IsClosed.ShouldBeFalse();
    }

    [Fact]
    public void Resample_WithGapsInTheSource_AggregatesWhatExistsAndLeavesEmptyBucketsOut()
    {
        var source = Series(Timeframe.M1,
            Bar("2021-01-01 00:00", 10m, 11m, 9m, 10m, 1m),
            Bar("2021-01-01 00:03", 10m, 13m, 10m, 12m, 2m), // 00:01, 00:02, 00:04 missing
            Bar("2021-01-01 00:17", 12m, 12m, 11m, 11m, 3m), // 00:05-00:14 buckets empty
            Bar("2021-01-01 00:19", 11m, 11m, 8m, 9m, 4m));

        var result = Resampler.ResampleWithDetails(source, Timeframe.M5);

        result.Series.Span.ToArray().ShouldBe(
        [
            Bar("2021-01-01 00:00", 10m, 13m, 9m, 12m, 3m),
            Bar("2021-01-01 00:15", 12m, 12m, 8m, 9m, 7m),
        ]);
        result.ConstituentCounts.ShouldBe([2, 2]);
        result.IsComplete(0).ShouldBeFalse();
        result.IncompleteCount.ShouldBe(2);
        result.FirstBucketIsPartial.ShouldBeFalse();
    }

    [Fact]
    public void Resample_LeadingBucketStartingBeforeTheData_IsKeptByDefaultAndReportedAsPartial()
    {
        // 1m data starting at 20:42, as in the shipped BTC 1m file.
        var source = Series(Timeframe.M1, Bars.Sequence(Timeframe.M1, 78, Utc("2021-04-20 20:42")));

        var result = Resampler.ResampleWithDetails(source, Timeframe.H1);

        result.Series.Span.ToArray().Select(b => Text(b.OpenTimeMs)).ShouldBe(["2021-04-20 20:00", "2021-04-20 21:00"]);
        result.Series[0].Open.ShouldBe(source[0].Open);
        result.Series[0].IsClosed.ShouldBeTrue();
        result.FirstBucketIsPartial.ShouldBeTrue();
        result.ConstituentCounts.ShouldBe([18, 60]);
        result.ExpectedConstituentCount.ShouldBe(60);
        result.IsComplete(0).ShouldBeFalse();
        result.IsComplete(1).ShouldBeTrue();
    }

    [Fact]
    public void Resample_WithDropIncompleteFirstBucket_DropsTheLeadingPartialBucket()
    {
        var source = Series(Timeframe.M1, Bars.Sequence(Timeframe.M1, 78, Utc("2021-04-20 20:42")));

        var result = Resampler.ResampleWithDetails(source, Timeframe.H1, new ResampleOptions { DropIncompleteFirstBucket = true });

        result.Series.Span.ToArray().Select(b => Text(b.OpenTimeMs)).ShouldBe(["2021-04-20 21:00"]);
        result.FirstBucketIsPartial.ShouldBeFalse();
        result.ConstituentCounts.ShouldBe([60]);
    }

    [Fact]
    public void Resample_WithDropIncompleteFirstBucket_KeepsAFirstBucketThatStartsOnTimeButHasAHole()
    {
        var source = Series(Timeframe.M1, Flat("2021-01-01 00:00"), Flat("2021-01-01 00:30"), Flat("2021-01-01 01:00"));

        var result = Resampler.ResampleWithDetails(source, Timeframe.H1, new ResampleOptions { DropIncompleteFirstBucket = true });

        result.Series.Span.ToArray().Select(b => Text(b.OpenTimeMs)).ShouldBe(["2021-01-01 00:00", "2021-01-01 01:00"]);
        result.ConstituentCounts.ShouldBe([2, 1]);
    }

    [Fact]
    public void Resample_WithDropIncompleteFirstBucket_WhenAllDataIsInThePartialFirstBucket_ReturnsEmpty()
    {
        var source = Series(Timeframe.M1, Flat("2021-01-01 00:10"), Flat("2021-01-01 00:11"));

        var result = Resampler.Resample(source, Timeframe.H1, new ResampleOptions { DropIncompleteFirstBucket = true });

        result.IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void Resample_ToTheSameTimeframe_ReturnsTheSameBars()
    {
        var source = Bars.Series(Timeframe.H1, 30);

        var result = Resampler.Resample(source, Timeframe.H1);

        result.Span.ToArray().ShouldBe(source.Span.ToArray());
    }

    [Fact]
    public void Resample_EmptySource_ReturnsEmptySeriesOfTheTargetTimeframe()
    {
        var result = Resampler.Resample(Series(Timeframe.M1), Timeframe.H4);

        result.IsEmpty.ShouldBeTrue();
        result.Timeframe.ShouldBe(Timeframe.H4);
    }

    [Fact]
    public void Resample_WhenTargetIsNotAWholeMultiple_ThrowsNamingBothTimeframes()
    {
        var error = Should.Throw<ArgumentException>(() => Resampler.Resample(Series(Timeframe.M3), Timeframe.M5));

        error.Message.ShouldBe("cannot resample 3m bars to 5m: 5m is not a whole multiple of 3m on the same time grid (Parameter 'target')");
    }

    [Fact]
    public void Resample_FromAHigherToALowerTimeframe_ThrowsSayingTheTargetMustBeHigher()
    {
        var error = Should.Throw<ArgumentException>(() => Resampler.Resample(Bars.Series(Timeframe.H1, 3), Timeframe.M5));

        error.Message.ShouldContain("cannot resample 1h bars to 5m");
        error.Message.ShouldContain("equal to or higher");
    }

    [Fact]
    public void Resample_WhenBarsAreOutOfOrder_ThrowsNamingTheIndexAndTime()
    {
        var source = Series(Timeframe.M1, Flat("2021-01-01 00:00"), Flat("2021-01-01 00:02"), Flat("2021-01-01 00:01"));

        var error = Should.Throw<ArgumentException>(() => Resampler.Resample(source, Timeframe.M5));

        error.Message.ShouldContain("index 2 opens at 2021-01-01 00:01 UTC, before the bar at index 1 (2021-01-01 00:02 UTC)");
    }

    [Fact]
    public void Resample_WhenAnOpenTimeRepeats_ThrowsNamingTheDuplicate()
    {
        var source = Series(Timeframe.M1, Flat("2021-01-01 00:00"), Flat("2021-01-01 00:01"), Flat("2021-01-01 00:01"));

        var error = Should.Throw<ArgumentException>(() => Resampler.Resample(source, Timeframe.M5));

        error.Message.ShouldContain("bar at index 2 repeats the open time 2021-01-01 00:01 UTC");
    }

    [Fact]
    public void Resample_WhenABarIsOffTheSourceGrid_ThrowsNamingIt()
    {
        var source = Series(Timeframe.M5, Flat("2021-01-01 00:00"), Flat("2021-01-01 00:07"));

        var error = Should.Throw<ArgumentException>(() => Resampler.Resample(source, Timeframe.H1));

        error.Message.ShouldContain("index 1 opens at 2021-01-01 00:07 UTC, which is not on the 5m grid");
    }

    [Fact]
    public void Resample_WhenAFormingBarIsNotLast_ThrowsNamingIt()
    {
        var source = Series(Timeframe.M1, Flat("2021-01-01 00:00", isClosed: false), Flat("2021-01-01 00:01"));

        var error = Should.Throw<ArgumentException>(() => Resampler.Resample(source, Timeframe.M5));

        error.Message.ShouldContain("index 0 (2021-01-01 00:00 UTC) is not closed; only the last bar may still be forming");
    }

    [Fact]
    public void SpanCore_WritesTheSameBarsAndCountsAsTheSeriesApi()
    {
        var source = Bars.Series(Timeframe.M1, 1000, startMs: Utc("2021-01-01 00:07"));
        var destination = new Bar[Resampler.MaxBucketCount(source.Span, Timeframe.H1)];
        var counts = new int[destination.Length];

        var written = Resampler.Resample(source.Span, Timeframe.M1, Timeframe.H1, destination, counts);

        var expected = Resampler.ResampleWithDetails(source, Timeframe.H1);
        destination[..written].ShouldBe(expected.Series.Span.ToArray());
        counts[..written].ShouldBe(expected.ConstituentCounts.ToArray());
        destination.Length.ShouldBe(17);
    }

    [Fact]
    public void SpanCore_WithoutCounts_AndWithTooSmallADestination_ThrowsSayingHowToSizeIt()
    {
        var source = Bars.Series(Timeframe.M1, 180);

        Resampler.Resample(source.Span, Timeframe.M1, Timeframe.H1, new Bar[3], []).ShouldBe(3);
        var error = Should.Throw<ArgumentException>(() => Resampler.Resample(source.Span, Timeframe.M1, Timeframe.H1, new Bar[2], []));

        error.Message.ShouldContain("MaxBucketCount");
    }
}
