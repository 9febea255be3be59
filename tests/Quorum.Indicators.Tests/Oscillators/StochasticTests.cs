using Quorum.Indicators.Oscillators;
using Quorum.Indicators.Tests.Averages;
using Quorum.Indicators.Tests.Support;

namespace Quorum.Indicators.Tests.Oscillators;

public sealed class StochasticTests
{
    [Fact]
    public void Stochastic_12_3_5_IsLeansStochastic_SpyWithStoch12k3_WrittenInSinglePrecision()
    {
        // Named convention of the file: LEAN's spy_with_stoch12k3.txt (Stochastic(12, 3, 5)) was written in
        // single precision. (a) The definition in float reproduces %K and %D to 1e-6; (b) Quorum's values are
        // the definition in double (naive recomputation, 1e-9); (c) so Quorum differs from the file only by
        // float rounding: prices near $155 rounded to float (±8e-6) move %K by up to 100·2·8e-6 / range
        // ≈ 4e-4 points on the narrowest ranges, checked at 1e-3 points. Also: the file shows %K from its
        // 14th row, Quorum from the 18th, when %D exists too (TA-Lib's rule).
        var table = ReferenceTable.Load("spy_with_stoch12k3.txt");
        var bars = table.Bars();
        var fileK = table.Column("Stochastics 12 %K 3");
        var fileD = table.Column("%D 5");

        var outputs = Feed.Run(new Stochastic(12, 3, 5), bars);

        var (floatK, floatD) = SinglePrecision.Stochastic(bars, 12, 3, 5);
        ReferenceAssert.Matches(fileK, floatK, "%K in float vs spy_with_stoch12k3.txt");
        ReferenceAssert.Matches(fileD, floatD, "%D in float vs spy_with_stoch12k3.txt");
        var naiveK = Naive.MeanOfDefined(Naive.FastStochastic(bars, 12), 3);
        var naiveD = Naive.MeanOfDefined(naiveK, 5);
        ReferenceAssert.Matches(naiveK, outputs[0], "stoch_12_3_5_k vs naive", from: 17, tolerance: 1e-9);
        ReferenceAssert.Matches(naiveD, outputs[1], "stoch_12_3_5_d vs naive", from: 17, tolerance: 1e-9);
        Array.FindIndex(fileK, v => !double.IsNaN(v)).ShouldBe(13);
        Array.FindIndex(outputs[0], v => !double.IsNaN(v)).ShouldBe(17);
        for (var i = 17; i < bars.Length; i++)
        {
            Math.Abs(outputs[0][i] - fileK[i]).ShouldBeLessThanOrEqualTo(1e-3, $"%K row {i}");
            Math.Abs(outputs[1][i] - fileD[i]).ShouldBeLessThanOrEqualTo(1e-3, $"%D row {i}");
        }
    }

    [Theory]
    [InlineData("BTCUSDT")]
    [InlineData("ETHUSDT")]
    public void Stochastic_14_3_3_MatchesTaLib(string symbol)
    {
        // Named difference: a window whose highest high equals its lowest low gives TA-Lib 0 and Quorum the
        // neutral 50; none occurs in these bars (checked).
        var reference = TaLibReference.Load(symbol);
        var bars = reference.Bars;
        Enumerable.Range(13, bars.Length - 13).Any(i => bars.High.Skip(i - 13).Take(14).Max() == bars.Low.Skip(i - 13).Take(14).Min()).ShouldBeFalse();
        double[] k = new double[bars.Length], d = new double[bars.Length];

        Stochastic.Batch(bars.High, bars.Low, bars.Close, k, d);

        reference.FirstRow("stoch_14_3_3_k").ShouldBe(17);
        double.IsNaN(k[16]).ShouldBeTrue();
        ReferenceAssert.Matches(reference.Column("stoch_14_3_3_k"), k, $"stoch_14_3_3_k vs TA-Lib on {symbol}", minimumCompared: 4_900);
        ReferenceAssert.Matches(reference.Column("stoch_14_3_3_d"), d, $"stoch_14_3_3_d vs TA-Lib on {symbol}", minimumCompared: 4_900);
    }

    [Fact]
    public void Stochastic_EqualsNaiveDefinition_OnRealAndRoughData()
    {
        foreach (var bars in new[] { Checks.Spy(), Checks.Rough() })
        {
            foreach (var (period, kSmoothing, dPeriod) in new[] { (14, 3, 3), (5, 1, 1), (1, 2, 3), (30, 5, 7) })
            {
                var outputs = Feed.Run(new Stochastic(period, kSmoothing, dPeriod), bars);
                var k = Naive.MeanOfDefined(Naive.FastStochastic(bars, period), kSmoothing);
                var d = Naive.MeanOfDefined(k, dPeriod);
                var from = period + kSmoothing + dPeriod - 3;
                ReferenceAssert.Matches(k, outputs[0], $"stoch_{period}_{kSmoothing}_{dPeriod}_k vs naive", from: from, tolerance: 1e-9);
                ReferenceAssert.Matches(d, outputs[1], $"stoch_{period}_{kSmoothing}_{dPeriod}_d vs naive", from: from, tolerance: 1e-9);
            }
        }
    }

    [Fact]
    public void Stochastic_ZeroRange_IsNeutral50()
    {
        var stochastic = new Stochastic(2, 1, 1);

        stochastic.Update(7, 7, 7);
        stochastic.Update(7, 7, 7);

        stochastic.K.ShouldBe(50.0);
        stochastic.D.ShouldBe(50.0);
    }

    [Fact]
    public void Update_HighLowClose_EqualsUpdateWithBar()
    {
        var bars = Checks.Spy();
        var byBar = new Stochastic();
        var byValues = new Stochastic();

        for (var i = 0; i < bars.Length; i++)
        {
            byBar.Update(bars[i]);
            byValues.Update(bars.High[i], bars.Low[i], bars.Close[i]);
            byValues.K.ShouldBe(byBar.K);
            byValues.D.ShouldBe(byBar.D);
        }
    }

    [Fact]
    public void OutputNames_AreKAndD()
    {
        var stochastic = new Stochastic(14, 3, 3);

        stochastic.OutputNames.ShouldBe(["stoch_14_3_3_k", "stoch_14_3_3_d"]);
        stochastic.WarmUpPeriod.ShouldBe(18);
    }
}
