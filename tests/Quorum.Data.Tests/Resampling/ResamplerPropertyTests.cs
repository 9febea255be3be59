using FsCheck;
using FsCheck.Fluent;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Resampling;
using Quorum.TestKit;

namespace Quorum.Data.Tests.Resampling;

public sealed class ResamplerPropertyTests
{
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
