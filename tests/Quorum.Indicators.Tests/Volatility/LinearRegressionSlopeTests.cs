using Quorum.Indicators.Tests.Support;
using Quorum.Indicators.Volatility;

namespace Quorum.Indicators.Tests.Volatility;

public sealed class LinearRegressionSlopeTests
{
    [Fact]
    public void Slope_EqualsNaiveLeastSquares()
    {
        // No reference file has a regression slope; the definition is recomputed naively (two-pass OLS).
        var close = IndicatorContract.SpyBars().Close;

        var slope = Feed.Run(new LinearRegressionSlope(14), close);
        var normalized = Feed.Run(new LinearRegressionSlope(14, normalized: true), close);

        for (var t = 13; t < close.Length; t++)
        {
            var expected = NaiveSlope(close[(t - 13)..(t + 1)]);
            slope[t].ShouldBe(expected, 1e-10 * close[t], $"bar {t}");
            normalized[t].ShouldBe(expected / close[t], 1e-12, $"bar {t}");
        }
    }

    [Fact]
    public void Slope_OfAStraightLine_IsItsStep()
    {
        var slope = new LinearRegressionSlope(5);
        for (var i = 0; i < 12; i++)
        {
            slope.Update(100 + (2.5 * i));
        }

        slope.Value.ShouldBe(2.5, 1e-12);
    }

    [Fact]
    public void Names_FollowTheRegistry()
    {
        IndicatorRegistry.Create("slope:20").Name.ShouldBe("slope_20");
        IndicatorRegistry.Create("slope_norm:20").Name.ShouldBe("slope_norm_20");
        IndicatorRegistry.Create("slope:20:volume").Name.ShouldBe("slope_20_volume");
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(20, true)]
    public void IsReady_FlipsExactlyAtWarmUpPeriod(int period, bool normalized) =>
        IndicatorContract.WarmsUpExactly(new LinearRegressionSlope(period, normalized), IndicatorContract.SpyBars());

    [Fact]
    public void Reset_ForgetsEverything() =>
        IndicatorContract.ResetsToNew(() => new LinearRegressionSlope(20), IndicatorContract.SpyBars());

    [Theory]
    [InlineData(2, false)]
    [InlineData(20, false)]
    [InlineData(200, true)]
    public void Batch_EqualsStreaming(int period, bool normalized)
    {
        var close = IndicatorContract.SpyBars().Close;
        var batch = new double[close.Length];

        LinearRegressionSlope.Batch(close, batch, period, normalized);

        IndicatorContract.Identical(Feed.Run(new LinearRegressionSlope(period, normalized), close), batch, "slope batch vs streaming");
    }

    [Fact]
    public void Update_NonFiniteInput_ThrowsNamingIndicatorAndSample()
    {
        IndicatorContract.RejectsNonFiniteBar(new LinearRegressionSlope(20), double.NaN);
        Should.Throw<ArgumentOutOfRangeException>(() => LinearRegressionSlope.Batch([1.0, 2, double.NaN], new double[3], 2))
            .Message.ShouldContain("slope_2: input #3 is NaN");
    }

    [Fact]
    public void Normalized_ZeroPrice_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new LinearRegressionSlope(3, normalized: true).Update(0))
            .Message.ShouldContain("slope_norm_3: input #1 is 0");

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    public void Constructor_PeriodBelowTwo_Throws(int period) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new LinearRegressionSlope(period)).Message.ShouldContain("(period ≥ 2)");

    [Fact]
    public void NoLookAhead_OnSpyBars() =>
        IndicatorContract.HasNoLookAhead(IndicatorContract.SpyBars(), bars =>
        {
            var output = new double[bars.Length];
            LinearRegressionSlope.Batch(bars.Close, output, 20, normalized: true);
            return [output];
        });

    [Fact]
    public void AfterOneMillionUpdates_EqualsNaiveRecomputation()
    {
        var close = IndicatorContract.RandomWalk(1_000_000, 60_000, seed: 41);
        var slope = new LinearRegressionSlope(50);

        foreach (var x in close)
        {
            slope.Update(x);
        }

        var expected = NaiveSlope(close[^50..]);
        slope.Value.ShouldBe(expected, Math.Abs(expected) * 1e-9);
    }

    private static double NaiveSlope(double[] window)
    {
        var n = window.Length;
        var meanX = (n - 1) / 2.0;
        var meanY = window.Average();
        double sxy = 0, sxx = 0;
        for (var k = 0; k < n; k++)
        {
            sxy += (k - meanX) * (window[k] - meanY);
            sxx += (k - meanX) * (k - meanX);
        }

        return sxy / sxx;
    }
}
