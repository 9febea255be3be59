using Quorum.Indicators.Statistics;
using Quorum.Indicators.Tests.Support;
using Quorum.Indicators.Tests.Volatility;

namespace Quorum.Indicators.Tests.Statistics;

public sealed class RollingVarianceTests
{
    [Fact]
    public void Variance10_MatchesTaLibReference_SpyVar()
    {
        // TA-Lib's VAR: the population variance (÷ n) of the last 10 closes.
        var table = ReferenceTable.Load("spy_var.txt");

        ReferenceAssert.Matches(table.Column("Var"), Feed.Run(new RollingVariance(10), table.Column("Close")), "var_10 vs spy_var.txt");
    }

    [Fact]
    public void StandardDeviation10_IsTheRootOfSpyVar()
    {
        var table = ReferenceTable.Load("spy_var.txt");
        var expected = table.Column("Var").Select(Math.Sqrt).ToArray();

        ReferenceAssert.Matches(expected, Feed.Run(new RollingStandardDeviation(10), table.Column("Close")), "stddev_10 vs √spy_var.txt");
    }

    [Fact]
    public void Names_FollowTheRegistry()
    {
        IndicatorRegistry.Create("var:10").Name.ShouldBe("var_10");
        IndicatorRegistry.Create("stddev:10:volume").Name.ShouldBe("stddev_10_volume");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    public void IsReady_FlipsExactlyAtWarmUpPeriod(int period)
    {
        IndicatorContract.WarmsUpExactly(new RollingVariance(period), IndicatorContract.SpyBars());
        IndicatorContract.WarmsUpExactly(new RollingStandardDeviation(period), IndicatorContract.SpyBars());
    }

    [Fact]
    public void Reset_ForgetsEverything()
    {
        IndicatorContract.ResetsToNew(() => new RollingVariance(10), IndicatorContract.SpyBars());
        IndicatorContract.ResetsToNew(() => new RollingStandardDeviation(10), IndicatorContract.SpyBars());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(77)]
    public void Batch_EqualsStreaming(int period)
    {
        var close = IndicatorContract.SpyBars().Close;
        var variance = new double[close.Length];
        var deviation = new double[close.Length];

        RollingVariance.Batch(close, variance, period);
        RollingStandardDeviation.Batch(close, deviation, period);

        IndicatorContract.Identical(Feed.Run(new RollingVariance(period), close), variance, "var batch vs streaming");
        IndicatorContract.Identical(Feed.Run(new RollingStandardDeviation(period), close), deviation, "stddev batch vs streaming");
    }

    [Fact]
    public void Update_NonFiniteInput_ThrowsNamingIndicatorAndSample()
    {
        IndicatorContract.RejectsNonFiniteBar(new RollingVariance(10), double.NaN);
        IndicatorContract.RejectsNonFiniteBar(new RollingStandardDeviation(10), double.NaN);
        Should.Throw<ArgumentOutOfRangeException>(() => RollingVariance.Batch([1.0, 2, 3, double.NaN], new double[4], 2))
            .Message.ShouldContain("var_2: input #4 is NaN");
    }

    [Fact]
    public void Constructor_PeriodBelowOne_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new RollingVariance(0)).Message.ShouldContain("var: period 0 is out of range");
        Should.Throw<ArgumentOutOfRangeException>(() => new RollingStandardDeviation(0)).Message.ShouldContain("stddev: period 0 is out of range");
    }

    [Fact]
    public void NoLookAhead_OnSpyBars() =>
        IndicatorContract.HasNoLookAhead(IndicatorContract.SpyBars(), bars =>
        {
            var output = new double[bars.Length];
            RollingVariance.Batch(bars.Close, output, 10);
            return [output];
        });

    [Fact]
    public void AfterOneMillionUpdates_EqualsNaiveRecomputation()
    {
        // Large level, small spread; then a constant stretch of two windows: the variance is exactly 0 there,
        // not the residue a subtract-as-you-go sum of squares would leave behind.
        var values = IndicatorContract.RandomWalk(1_000_000, 60_000, seed: 51);
        var variance = new RollingVariance(30);
        foreach (var x in values)
        {
            variance.Update(x);
        }

        var window = values[^30..];
        var mean = window.Average();
        var expected = window.Sum(x => (x - mean) * (x - mean)) / 30;
        variance.Value.ShouldBe(expected, expected * 1e-9);

        for (var i = 0; i < 60; i++)
        {
            variance.Update(61_234.5);
        }

        variance.Value.ShouldBe(0);
    }
}
