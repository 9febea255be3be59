using Quorum.Indicators.Oscillators;
using Quorum.Indicators.Tests.Averages;
using Quorum.Indicators.Tests.Support;

namespace Quorum.Indicators.Tests.Oscillators;

public sealed class WilliamsRTests
{
    [Fact]
    public void WilliamsR14_IsLeansWilliamsR_SpyWithWilliamsR14_WrittenInSinglePrecision()
    {
        // Named convention of the file: LEAN's spy_with_williamsR14.txt was written in single precision.
        // (a) −100·(HH − C)/(HH − LL) in float reproduces it to 1e-6; (b) Quorum's values are that formula in
        // double (naive recomputation, 1e-9); (c) so Quorum differs from the file only by float rounding of
        // ~$155 prices (±8e-6), which moves %R by up to ~4e-4 points on narrow ranges, checked at 1e-3.
        var table = ReferenceTable.Load("spy_with_williamsR14.txt");
        var bars = table.Bars();
        var file = table.Column("Williams %R 14");

        var streamed = Feed.Run(new WilliamsR(14), bars)[0];

        ReferenceAssert.Matches(file, SinglePrecision.WilliamsR(bars, 14), "%R in float vs spy_with_williamsR14.txt");
        ReferenceAssert.Matches(Naive.WilliamsR(bars, 14), streamed, "willr_14 vs naive", tolerance: 1e-9);
        ReferenceAssert.Matches(file, streamed, "willr_14 vs spy_with_williamsR14.txt (float file)", tolerance: 1e-3);
    }

    [Theory]
    [InlineData("BTCUSDT")]
    [InlineData("ETHUSDT")]
    public void WilliamsR14_MatchesTaLib(string symbol)
    {
        // Named difference: a zero range gives TA-Lib 0 and Quorum the neutral −50; none occurs here (the
        // stochastic test checks the same 14-bar windows).
        var reference = TaLibReference.Load(symbol);
        var bars = reference.Bars;
        var output = new double[bars.Length];

        WilliamsR.Batch(bars.High, bars.Low, bars.Close, output, 14);

        reference.FirstRow("willr_14").ShouldBe(13);
        double.IsNaN(output[12]).ShouldBeTrue();
        ReferenceAssert.Matches(reference.Column("willr_14"), output, $"willr_14 vs TA-Lib on {symbol}", minimumCompared: 4_900);
    }

    [Fact]
    public void WilliamsR_EqualsNaiveDefinition_OnRealAndRoughData()
    {
        foreach (var bars in new[] { Checks.Spy(), Checks.Rough() })
        {
            foreach (var period in new[] { 1, 2, 14, 60 })
            {
                ReferenceAssert.Matches(Naive.WilliamsR(bars, period), Feed.Run(new WilliamsR(period), bars)[0], $"willr_{period} vs naive", tolerance: 1e-9);
            }
        }
    }

    [Theory]
    [InlineData(12.0, 0.0)]
    [InlineData(8.0, -100.0)]
    [InlineData(10.0, -50.0)]
    public void WilliamsR_CloseAtHighLowAndMiddle_Is0Minus100AndMinus50(double close, double expected)
    {
        var williams = new WilliamsR(2);

        williams.Update(12, 9, 10);
        williams.Update(11, 8, close);

        williams.Value.ShouldBe(expected);
    }

    [Fact]
    public void WilliamsR_ZeroRange_IsNeutralMinus50()
    {
        var williams = new WilliamsR(1);

        williams.Update(5, 5, 5);

        williams.Value.ShouldBe(WilliamsR.Neutral);
    }
}
