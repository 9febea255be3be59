using System.Globalization;
using Quorum.Indicators.Statistics;
using Quorum.Indicators.Tests.Support;
using Quorum.Indicators.Tests.Volatility;
using Quorum.TestKit;

namespace Quorum.Indicators.Tests.Statistics;

public sealed class RollingCorrelationTests
{
    [Fact]
    public void Pearson252_MatchesLeanReference_SpyQqqCorr()
    {
        // The file interleaves SPY and QQQ rows of the same dates; the Pearson column on the QQQ rows is
        // the correlation of the two closes over 252 days (LEAN prints 0 during its warm-up).
        var (spy, qqq, expected) = LoadSpyQqq();
        var correlation = new RollingCorrelation(252);

        var actual = new double[spy.Length];
        for (var i = 0; i < spy.Length; i++)
        {
            correlation.Update(spy[i], qqq[i]);
            actual[i] = correlation.Value;
        }

        ReferenceAssert.Matches(expected, actual, "corr_252 vs spy_qqq_corr.csv", from: 251);
    }

    [Fact]
    public void Correlation_EqualsNaiveTwoPassPearson()
    {
        var bars = IndicatorContract.SpyBars();
        var correlation = new RollingCorrelation(30);

        for (var t = 0; t < bars.Length; t++)
        {
            correlation.Update(bars.Close[t], bars.Volume[t]);
            if (t >= 29)
            {
                correlation.Value.ShouldBe(NaivePearson(bars.Close[(t - 29)..(t + 1)], bars.Volume[(t - 29)..(t + 1)]), 1e-10, $"bar {t}");
            }
        }
    }

    [Fact]
    public void PerfectlyLinearSeries_CorrelateToPlusOrMinusOne_ConstantSeriesToZero()
    {
        var up = new RollingCorrelation(5);
        var down = new RollingCorrelation(5);
        var flat = new RollingCorrelation(5);
        for (var i = 0; i < 9; i++)
        {
            up.Update(i, (3 * i) + 1);
            down.Update(i, 10 - (2 * i));
            flat.Update(i, 4);
        }

        up.Value.ShouldBe(1, 1e-12);
        down.Value.ShouldBe(-1, 1e-12);
        flat.Value.ShouldBe(0);
    }

    [Fact]
    public void IsReady_FlipsExactlyAtWarmUpPeriod()
    {
        var correlation = new RollingCorrelation(5);
        for (var i = 1; i <= 7; i++)
        {
            correlation.Update(i, i * i);
            correlation.IsReady.ShouldBe(i >= 5);
            double.IsNaN(correlation.Value).ShouldBe(i < 5);
        }
    }

    [Fact]
    public void Reset_ForgetsEverything()
    {
        var correlation = new RollingCorrelation(3);
        foreach (var x in new[] { 1.0, 5, 2, 8 })
        {
            correlation.Update(x, -x);
        }

        correlation.Reset();
        correlation.Update(1, 1);

        correlation.Samples.ShouldBe(1);
        correlation.IsReady.ShouldBeFalse();
        double.IsNaN(correlation.Value).ShouldBeTrue();
        correlation.Update(2, 3);
        correlation.Update(3, 2);
        correlation.Value.ShouldBe(NaivePearson([1, 2, 3], [1, 3, 2]), 1e-12);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(30)]
    [InlineData(252)]
    public void Batch_EqualsStreaming(int period)
    {
        var (spy, qqq, _) = LoadSpyQqq();
        var batch = new double[spy.Length];
        var correlation = new RollingCorrelation(period);
        var streamed = new double[spy.Length];
        for (var i = 0; i < spy.Length; i++)
        {
            correlation.Update(spy[i], qqq[i]);
            streamed[i] = correlation.Value;
        }

        RollingCorrelation.Batch(spy, qqq, batch, period);

        IndicatorContract.Identical(streamed, batch, "corr batch vs streaming");
    }

    [Fact]
    public void Update_NonFiniteInput_ThrowsNamingIndicatorAndSample()
    {
        var correlation = new RollingCorrelation(5);
        correlation.Update(1, 2);

        Should.Throw<ArgumentOutOfRangeException>(() => correlation.Update(1, double.NaN)).Message.ShouldContain("corr_5: input #2 is NaN");
        Should.Throw<ArgumentOutOfRangeException>(() => RollingCorrelation.Batch([1.0, 2], [1.0, double.NaN], new double[2], 5))
            .Message.ShouldContain("corr_5: y #2 is NaN");
        Should.Throw<ArgumentException>(() => RollingCorrelation.Batch([1.0, 2], [1.0], new double[2], 5)).Message.ShouldContain("y has 1 elements");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    public void Constructor_PeriodBelowTwo_Throws(int period) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new RollingCorrelation(period)).Message.ShouldContain("(period ≥ 2)");

    [Fact]
    public void NoLookAhead_OnSpyBars() =>
        IndicatorContract.HasNoLookAhead(IndicatorContract.SpyBars(), bars =>
        {
            var output = new double[bars.Length];
            RollingCorrelation.Batch(bars.Close, bars.Volume, output, 20);
            return [output];
        });

    [Fact]
    public void AfterOneMillionUpdates_EqualsNaiveRecomputation()
    {
        var x = IndicatorContract.RandomWalk(1_000_000, 60_000, seed: 71);
        var y = IndicatorContract.RandomWalk(1_000_000, 3_000, seed: 72);
        var correlation = new RollingCorrelation(100);
        for (var i = 0; i < x.Length; i++)
        {
            correlation.Update(x[i], y[i]);
        }

        correlation.Value.ShouldBe(NaivePearson(x[^100..], y[^100..]), 1e-9);
    }

    private static double NaivePearson(double[] x, double[] y)
    {
        var mx = x.Average();
        var my = y.Average();
        var sxy = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
        var sxx = x.Sum(a => (a - mx) * (a - mx));
        var syy = y.Sum(b => (b - my) * (b - my));
        return sxy / Math.Sqrt(sxx * syy);
    }

    private static (double[] Spy, double[] Qqq, double[] Pearson) LoadSpyQqq()
    {
        var path = SharedData.Require(Path.Combine("reference-indicators", "spy_qqq_corr.csv"));
        var rows = File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToArray();
        var spy = rows.Where(r => r[0] == "SPY").ToArray();
        var qqq = rows.Where(r => r[0] == "QQQ").ToArray();
        spy.Length.ShouldBe(qqq.Length);
        spy.Select(r => r[1]).ShouldBe(qqq.Select(r => r[1]), "SPY and QQQ rows pair up by date");
        static double Parse(string cell) => cell.Length == 0 ? double.NaN : double.Parse(cell, CultureInfo.InvariantCulture);
        return (spy.Select(r => Parse(r[5])).ToArray(), qqq.Select(r => Parse(r[5])).ToArray(), qqq.Select(r => Parse(r[7])).ToArray());
    }
}
