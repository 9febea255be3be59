using FsCheck;
using FsCheck.Fluent;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Resampling;
using Quorum.TestKit;
using static Quorum.Data.Tests.Resampling.TestTimes;

namespace Quorum.Data.Tests.Resampling;

public sealed class BarAggregatorTests
{
    [Fact]
    public void Add_EmitsTheHigherBarExactlyWhenItsLastConstituentArrives()
    {
        var aggregator = new BarAggregator(Timeframe.M1, Timeframe.M5);
        var bars = Bars.Sequence(Timeframe.M1, 5, Utc("2021-01-01 00:00"));

        for (var i = 0; i < 4; i++)
        {
            aggregator.Add(bars[i]).Count.ShouldBe(0);
        }

        var closed = aggregator.Add(bars[4]);

        closed.Count.ShouldBe(1);
        closed[0].ShouldBe(Resampler.Resample(new BarSeries(Bars.BtcSpot, Timeframe.M1, bars), Timeframe.M5)[0]);
        closed[0].IsClosed.ShouldBeTrue();
        aggregator.Current.ShouldBeNull();
    }

    [Fact]
    public void Add_WhenTheLastConstituentIsMissing_EmitsWhenALaterBucketStarts()
    {
        var aggregator = new BarAggregator(Timeframe.M1, Timeframe.M5);
        aggregator.Add(Flat("2021-01-01 00:00", 10m)).IsEmpty.ShouldBeTrue();
        aggregator.Add(Flat("2021-01-01 00:02", 11m)).IsEmpty.ShouldBeTrue();

        var closed = aggregator.Add(Flat("2021-01-01 00:06", 12m));

        closed.Count.ShouldBe(1);
        closed[0].ShouldBe(Bar("2021-01-01 00:00", 10m, 12m, 9m, 11m, 2m));
        aggregator.Current.ShouldBe(Bar("2021-01-01 00:05", 12m, 13m, 11m, 12m, 1m, isClosed: false));
        aggregator.CurrentConstituentCount.ShouldBe(1);
    }

    [Fact]
    public void Add_WhenABarClosesThePreviousBucketAndCompletesItsOwn_EmitsBothInOrder()
    {
        var aggregator = new BarAggregator(Timeframe.M1, Timeframe.M5);
        aggregator.Add(Flat("2021-01-01 00:00", 10m));

        var closed = aggregator.Add(Flat("2021-01-01 00:09", 20m));

        var emitted = new List<Bar>();
        foreach (var bar in closed)
        {
            emitted.Add(bar);
        }

        emitted.Select(b => Text(b.OpenTimeMs)).ShouldBe(["2021-01-01 00:00", "2021-01-01 00:05"]);
        emitted[1].Open.ShouldBe(20m);
        aggregator.Current.ShouldBeNull();
    }

    [Fact]
    public void Add_WithDropIncompleteFirstBucket_NeverEmitsTheLeadingPartialBucket()
    {
        var aggregator = new BarAggregator(Timeframe.M1, Timeframe.M5, new ResampleOptions { DropIncompleteFirstBucket = true });

        aggregator.Add(Flat("2021-01-01 00:03")).IsEmpty.ShouldBeTrue();
        aggregator.Current.ShouldBeNull();
        aggregator.Add(Flat("2021-01-01 00:04")).IsEmpty.ShouldBeTrue();
        aggregator.Add(Flat("2021-01-01 00:05")).IsEmpty.ShouldBeTrue();

        aggregator.Current.ShouldNotBeNull().OpenTimeMs.ShouldBe(Utc("2021-01-01 00:05"));
    }

    [Fact]
    public void Add_RejectsFormingOutOfOrderAndOffGridBars_WithMessagesNamingTheTime()
    {
        var aggregator = new BarAggregator(Timeframe.M5, Timeframe.H1);
        aggregator.Add(Flat("2021-01-01 00:05"));

        Should.Throw<ArgumentException>(() => aggregator.Add(Flat("2021-01-01 00:10", isClosed: false)))
            .Message.ShouldContain("bar at 2021-01-01 00:10 UTC is still forming; feed closed bars only");
        Should.Throw<ArgumentException>(() => aggregator.Add(Flat("2021-01-01 00:05")))
            .Message.ShouldContain("is not after the previous bar at 2021-01-01 00:05 UTC");
        Should.Throw<ArgumentException>(() => aggregator.Add(Flat("2021-01-01 00:12")))
            .Message.ShouldContain("bar at 2021-01-01 00:12 UTC is not on the 5m grid");
    }

    [Fact]
    public void Constructor_WhenTargetIsNotAMultiple_ThrowsNamingBoth()
    {
        Should.Throw<ArgumentException>(() => new BarAggregator(Timeframe.M3, Timeframe.M5))
            .Message.ShouldContain("cannot resample 3m bars to 5m");
    }

    [Fact]
    public void Reset_ForgetsTheFormingBucketAndTheLastTime()
    {
        var aggregator = new BarAggregator(Timeframe.M1, Timeframe.H1);
        aggregator.Add(Flat("2021-01-01 00:30"));

        aggregator.Reset();

        aggregator.Current.ShouldBeNull();
        aggregator.Add(Flat("2021-01-01 00:10")).IsEmpty.ShouldBeTrue();
        aggregator.Current.ShouldNotBeNull().Open.ShouldBe(100m);
    }

    [Theory]
    [InlineData("1m", "5m", false)]
    [InlineData("1m", "1h", false)]
    [InlineData("1m", "1h", true)]
    [InlineData("5m", "4h", true)]
    [InlineData("1h", "1w", false)]
    [InlineData("1d", "1w", true)]
    public void Streaming_EqualsBatch_AndEachBarIsEmittedExactlyWhenItCloses(string from, string to, bool dropIncompleteFirstBucket)
    {
        var source = Timeframe.Parse(from);
        var target = Timeframe.Parse(to);
        var options = new ResampleOptions { DropIncompleteFirstBucket = dropIncompleteFirstBucket };
        Prop.ForAll(RandomBars.Specs(800), spec =>
        {
            var bars = RandomBars.Generate(spec.Seed, spec.Count, source);
            var aggregator = new BarAggregator(source, target, options);
            var streamed = new List<Bar>();
            var emittedOnTime = true;
            for (var i = 0; i < bars.Length; i++)
            {
                foreach (var closed in aggregator.Add(bars[i]))
                {
                    var closeTime = closed.OpenTimeMs + target.Milliseconds;
                    var lastConstituentArrived = bars[i].OpenTimeMs + source.Milliseconds == closeTime;
                    var laterBucketStarted = bars[i].OpenTimeMs >= closeTime && (i == 0 || bars[i - 1].OpenTimeMs < closeTime);
                    emittedOnTime &= lastConstituentArrived || laterBucketStarted;
                    streamed.Add(closed);
                }
            }

            if (aggregator.Current is { } forming)
            {
                streamed.Add(forming);
            }

            var batch = Resampler.Resample(new BarSeries(Bars.BtcSpot, source, bars), target, options);
            return emittedOnTime && streamed.SequenceEqual(batch.Span.ToArray());
        }).QuickCheckThrowOnFailure();
    }
}
