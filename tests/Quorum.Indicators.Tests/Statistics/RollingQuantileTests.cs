using Quorum.Indicators.Statistics;
using Quorum.Indicators.Tests.Support;
using Quorum.Indicators.Tests.Volatility;

namespace Quorum.Indicators.Tests.Statistics;

public sealed class RollingQuantileTests
{
    [Theory]
    [InlineData(new[] { 1.0, 2, 3, 4 }, 0.9, 3.7)]        // numpy.quantile([1, 2, 3, 4], 0.9)
    [InlineData(new[] { 10.0, 20, 30, 40, 50 }, 0.25, 20)] // h = 1 exactly
    [InlineData(new[] { 1.0, 3, 2, 5, 4 }, 0.4, 2.6)]      // numpy.percentile([1, 3, 2, 5, 4], 40)
    [InlineData(new[] { 7.0, 7, 7, 1 }, 0.5, 7)]           // ties
    [InlineData(new[] { 5.0, -2, 8 }, 0.0, -2)]            // minimum
    [InlineData(new[] { 5.0, -2, 8 }, 1.0, 8)]             // maximum
    [InlineData(new[] { 4.0, 1, 3, 2 }, 0.5, 2.5)]         // median of an even window
    public void Quantile_MatchesNumPyLinearInterpolation(double[] window, double q, double expected)
    {
        var quantile = new RollingQuantile(window.Length, q);
        foreach (var x in window)
        {
            quantile.Update(x);
        }

        quantile.Value.ShouldBe(expected, 1e-12);
    }

    [Theory]
    [InlineData(1, 0.5)]
    [InlineData(2, 0.3)]
    [InlineData(7, 0.0)]
    [InlineData(7, 1.0)]
    [InlineData(20, 0.9)]
    [InlineData(50, 0.5)]
    [InlineData(64, 0.125)]
    public void Quantile_EqualsSortedWindow_OnRandomValuesWithTies(int period, double q)
    {
        var random = new Random(period);
        var values = Enumerable.Range(0, 3_000).Select(_ => Math.Round(random.NextDouble() * 40) / 4).ToArray();

        var streamed = Feed.Run(new RollingQuantile(period, q), values);

        for (var t = period - 1; t < values.Length; t++)
        {
            streamed[t].ShouldBe(SortedQuantile(values[(t - period + 1)..(t + 1)], q), 1e-12, $"bar {t}");
        }
    }

    [Fact]
    public void Quantile_OnSpyCloses_EqualsSortedWindow()
    {
        var close = IndicatorContract.SpyBars().Close;

        var streamed = Feed.Run(new RollingQuantile(30, 0.95), close);

        for (var t = 29; t < close.Length; t++)
        {
            streamed[t].ShouldBe(SortedQuantile(close[(t - 29)..(t + 1)], 0.95), 1e-9);
        }
    }

    [Fact]
    public void Names_FollowTheRegistry()
    {
        IndicatorRegistry.Create("quantile:20:0.9").Name.ShouldBe("quantile_20_0.9");
        IndicatorRegistry.Create("quantile:20:0.9:volume").Name.ShouldBe("quantile_20_0.9_volume");
    }

    [Fact]
    public void IsReady_FlipsExactlyAtWarmUpPeriod() =>
        IndicatorContract.WarmsUpExactly(new RollingQuantile(20, 0.9), IndicatorContract.SpyBars());

    [Fact]
    public void Reset_ForgetsEverything() =>
        IndicatorContract.ResetsToNew(() => new RollingQuantile(20, 0.9), IndicatorContract.SpyBars());

    [Theory]
    [InlineData(1, 0.5)]
    [InlineData(20, 0.9)]
    [InlineData(250, 0.01)]
    public void Batch_EqualsStreaming(int period, double q)
    {
        var close = IndicatorContract.SpyBars().Close;
        var batch = new double[close.Length];

        RollingQuantile.Batch(close, batch, period, q);

        IndicatorContract.Identical(Feed.Run(new RollingQuantile(period, q), close), batch, "quantile batch vs streaming");
    }

    [Fact]
    public void Update_NonFiniteInput_ThrowsNamingIndicatorAndSample()
    {
        IndicatorContract.RejectsNonFiniteBar(new RollingQuantile(20, 0.5), double.NaN);
        Should.Throw<ArgumentOutOfRangeException>(() => RollingQuantile.Batch([1.0, double.NaN], new double[2], 2, 0.5))
            .Message.ShouldContain("quantile_2_0.5: input #2");
    }

    [Theory]
    [InlineData(0, 0.5, "period 0 is out of range")]
    [InlineData(10, -0.1, "quantile -0.1 is out of range (0 ≤ quantile ≤ 1)")]
    [InlineData(10, 1.5, "quantile 1.5 is out of range")]
    [InlineData(10, double.NaN, "quantile NaN is out of range")]
    public void Constructor_BadParameters_Throw(int period, double q, string message) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new RollingQuantile(period, q)).Message.ShouldContain(message);

    [Fact]
    public void NoLookAhead_OnSpyBars() =>
        IndicatorContract.HasNoLookAhead(IndicatorContract.SpyBars(), bars =>
        {
            var output = new double[bars.Length];
            RollingQuantile.Batch(bars.Close, output, 20, 0.9);
            return [output];
        });

    /// <summary>Independent implementation: sort the window and interpolate at h = (n − 1)·q (NumPy "linear").</summary>
    private static double SortedQuantile(double[] window, double q)
    {
        var sorted = window.Order().ToArray();
        var h = (sorted.Length - 1) * q;
        var below = (int)Math.Floor(h);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((h - below) * (sorted[above] - sorted[below]));
    }
}
