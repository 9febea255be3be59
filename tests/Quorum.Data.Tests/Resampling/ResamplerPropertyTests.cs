using FsCheck;
using FsCheck.Fluent;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Resampling;
using Quorum.TestKit;

namespace Quorum.Data.Tests.Resampling;

public sealed class ResamplerPropertyTests
{
    /// <summary>
    /// Against an independent implementation: group by bucket, computed with calendar
    /// arithmetic (weeks from Monday via <see cref="DayOfWeek"/>) rather than
    /// <see cref="Timeframe.AlignDown"/>, then first open, max high, min low, last close, sum of
    /// volumes; only the last bucket can be not closed, when its last minute is missing or
    /// still forming.
    /// </summary>
    [Theory]
    [InlineData("1m", "5m")]
    [InlineData("1m", "1h")]
    [InlineData("3m", "15m")]
    [InlineData("5m", "4h")]
    [InlineData("1h", "1d")]
    [InlineData("1h", "1w")]
    [InlineData("1d", "1w")]
    public void Resample_EqualsANaiveGroupByBucket(string from, string to)
    {
        var source = Timeframe.Parse(from);
        var target = Timeframe.Parse(to);
        Prop.ForAll(RandomBars.Specs(600), spec =>
        {
            var bars = RandomBars.Generate(spec.Seed, spec.Count, source, spec.FormingLast);
            var groups = bars.GroupBy(b => NaiveBucket(b.OpenTimeMs, target)).ToList();
            var expected = groups.Select((g, index) =>
            {
                var last = g.Last();
                var isClosed = index < groups.Count - 1 || (last.IsClosed && last.OpenTimeMs + source.Milliseconds == g.Key + target.Milliseconds);
                return new Bar(g.Key, g.First().Open, g.Max(b => b.High), g.Min(b => b.Low), last.Close, g.Sum(b => b.Volume), isClosed);
            });

            var actual = Resampler.Resample(new BarSeries(Bars.BtcSpot, source, bars), target);

            return actual.Span.ToArray().SequenceEqual(expected);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Resample_1mTo5mThenTo1h_EqualsResampling1mDirectlyTo1h()
    {
        Prop.ForAll(RandomBars.Specs(600), spec =>
        {
            var source = new BarSeries(Bars.BtcSpot, Timeframe.M1, RandomBars.Generate(spec.Seed, spec.Count, Timeframe.M1, spec.FormingLast));

            var viaFiveMinutes = Resampler.Resample(Resampler.Resample(source, Timeframe.M5), Timeframe.H1);
            var direct = Resampler.Resample(source, Timeframe.H1);

            return viaFiveMinutes.Span.SequenceEqual(direct.Span);
        }).QuickCheckThrowOnFailure();
    }

    /// <remarks>
    /// Only on gap-free data: when the data starts mid-bucket and then has a gap, the first step
    /// drops its partial 5m bucket and the 5m series then really does start after the hour's
    /// open, so the second step drops that hour too (each step decides on the data it sees).
    /// </remarks>
    [Fact]
    public void Resample_WithDropIncompleteFirstBucket_OnGapFreeData_1mTo5mThenTo1h_EqualsDirect()
    {
        var options = new ResampleOptions { DropIncompleteFirstBucket = true };
        Prop.ForAll(RandomBars.Specs(600), spec =>
        {
            var source = new BarSeries(Bars.BtcSpot, Timeframe.M1, RandomBars.Generate(spec.Seed, spec.Count, Timeframe.M1, spec.FormingLast, gaps: false));

            var viaFiveMinutes = Resampler.Resample(Resampler.Resample(source, Timeframe.M5, options), Timeframe.H1, options);
            var direct = Resampler.Resample(source, Timeframe.H1, options);

            return viaFiveMinutes.Span.SequenceEqual(direct.Span);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Resample_ConservesVolumeAndEverySourceBarIsCountedOnce()
    {
        Prop.ForAll(RandomBars.Specs(600), spec =>
        {
            var source = new BarSeries(Bars.BtcSpot, Timeframe.M1, RandomBars.Generate(spec.Seed, spec.Count, Timeframe.M1, spec.FormingLast));

            var result = Resampler.ResampleWithDetails(source, Timeframe.M15);

            var sourceVolume = Sum(source.Span);
            var resampledVolume = Sum(result.Series.Span);
            return sourceVolume == resampledVolume && result.ConstituentCounts.Sum() == source.Count;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Resample_EveryBarIsAlignedWithinTheSourceRangeAndOnlyTheLastMayBeOpen()
    {
        Prop.ForAll(RandomBars.Specs(600), spec =>
        {
            var source = new BarSeries(Bars.BtcSpot, Timeframe.M1, RandomBars.Generate(spec.Seed, spec.Count, Timeframe.M1, spec.FormingLast));

            var result = Resampler.Resample(source, Timeframe.H1).Span.ToArray();

            return result.All(b => Timeframe.H1.IsAligned(b.OpenTimeMs) && b.IsSane)
                && result.SkipLast(1).All(b => b.IsClosed)
                && result[0].OpenTimeMs == Timeframe.H1.AlignDown(source[0].OpenTimeMs)
                && result[^1].OpenTimeMs == Timeframe.H1.AlignDown(source[^1].OpenTimeMs)
                && result.Zip(result.Skip(1)).All(p => p.First.OpenTimeMs < p.Second.OpenTimeMs);
        }).QuickCheckThrowOnFailure();
    }

    private static long NaiveBucket(long openTimeMs, Timeframe target)
    {
        if (target != Timeframe.W1)
        {
            return openTimeMs / target.Milliseconds * target.Milliseconds;
        }

        var day = DateTimeOffset.FromUnixTimeMilliseconds(openTimeMs).UtcDateTime.Date;
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return new DateTimeOffset(monday, TimeSpan.Zero).ToUnixTimeMilliseconds();
    }

    private static decimal Sum(ReadOnlySpan<Bar> bars)
    {
        var sum = 0m;
        foreach (var bar in bars)
        {
            sum += bar.Volume;
        }

        return sum;
    }
}
