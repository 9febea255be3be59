using Quorum.Indicators.Statistics;
using Quorum.Indicators.Tests.Support;
using Quorum.Indicators.Tests.Volatility;

namespace Quorum.Indicators.Tests.Statistics;

public sealed class RollingZScoreTests
{
    [Fact]
    public void VolumeZScore_EqualsNaiveRecomputation()
    {
        // No reference file has a z-score; the definition (population σ, window includes the newest value)
        // is recomputed naively on SPY volume, the seed-001 use.
        var bars = IndicatorContract.SpyBars();
        var indicator = new RollingZScore(20, PriceSource.Volume);

        var z = Feed.Run(indicator, bars)[0];

        indicator.Name.ShouldBe("zscore_20_volume");
        for (var t = 19; t < bars.Length; t++)
        {
            var window = bars.Volume[(t - 19)..(t + 1)];
            var mean = window.Average();
            var sigma = Math.Sqrt(window.Sum(v => (v - mean) * (v - mean)) / 20);
            z[t].ShouldBe((bars.Volume[t] - mean) / sigma, 1e-9, $"bar {t}");
        }
    }

    [Fact]
    public void ConstantWindow_ScoresZero()
    {
        var z = new RollingZScore(4);
        foreach (var x in new[] { 9.0, 1, 1, 1, 1 })
        {
            z.Update(x);
        }

        z.Value.ShouldBe(0);
    }

    [Fact]
    public void Registry_TakesTheSource() =>
        IndicatorRegistry.Create("zscore:20:volume").OutputNames.ShouldBe(["zscore_20_volume"]);

    [Fact]
    public void IsReady_FlipsExactlyAtWarmUpPeriod() =>
        IndicatorContract.WarmsUpExactly(new RollingZScore(20, PriceSource.Volume), IndicatorContract.SpyBars());

    [Fact]
    public void Reset_ForgetsEverything() =>
        IndicatorContract.ResetsToNew(() => new RollingZScore(20), IndicatorContract.SpyBars());

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    public void Batch_EqualsStreaming(int period)
    {
        var volume = IndicatorContract.SpyBars().Volume;
        var batch = new double[volume.Length];

        RollingZScore.Batch(volume, batch, period);

        IndicatorContract.Identical(Feed.Run(new RollingZScore(period), volume), batch, "zscore batch vs streaming");
    }

    [Fact]
    public void Update_NonFiniteInput_ThrowsNamingIndicatorAndSample() =>
        IndicatorContract.RejectsNonFiniteBar(new RollingZScore(20), double.NaN);

    [Fact]
    public void Batch_NonFiniteInput_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => RollingZScore.Batch([double.NegativeInfinity], new double[1], 3)).Message.ShouldContain("zscore_3: input #1");

    [Fact]
    public void Constructor_PeriodBelowOne_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new RollingZScore(0)).Message.ShouldContain("zscore: period 0 is out of range");

    [Fact]
    public void NoLookAhead_OnSpyBars() =>
        IndicatorContract.HasNoLookAhead(IndicatorContract.SpyBars(), bars =>
        {
            var output = new double[bars.Length];
            RollingZScore.Batch(bars.Volume, output, 20);
            return [output];
        });

    [Fact]
    public void AfterOneMillionUpdates_EqualsNaiveRecomputation()
    {
        var values = IndicatorContract.RandomWalk(1_000_000, 5_000_000, seed: 61, relativeStep: 0.05);
        var z = new RollingZScore(20);
        foreach (var x in values)
        {
            z.Update(x);
        }

        var window = values[^20..];
        var mean = window.Average();
        var sigma = Math.Sqrt(window.Sum(v => (v - mean) * (v - mean)) / 20);
        z.Value.ShouldBe((values[^1] - mean) / sigma, 1e-9);
    }
}
