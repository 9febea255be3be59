using Quorum.Indicators.Averages;
using Quorum.Indicators.Tests.Support;
using Quorum.Indicators.Tests.Volatility;

namespace Quorum.Indicators.Tests.Averages;

public sealed class WmaTests
{
    [Fact]
    public void Wma_ThroughHullMovingAverage16_MatchesLeanReference_SpyHma()
    {
        // No LEAN file holds a WMA column, but HMA(16) = WMA4(2·WMA8 − WMA16) is made of nothing else:
        // built from Quorum's WMA it reproduces spy_hma.txt to 1e-6.
        var table = ReferenceTable.Load("spy_hma.txt");
        var close = table.Column("Close");
        var wma8 = Feed.Run(new Wma(8), close);
        var wma16 = Feed.Run(new Wma(16), close);
        var raw = close.Select((_, i) => (2 * wma8[i]) - wma16[i]).ToArray();
        var hull = new Wma(4);
        var hma = raw.Select(x =>
        {
            if (!double.IsNaN(x))
            {
                hull.Update(x);
            }

            return hull.Value;
        }).ToArray();

        ReferenceAssert.Matches(table.Column("HMA_16"), hma, "HMA 16 from wma_8, wma_16, wma_4 vs spy_hma.txt");
    }

    [Theory]
    [InlineData("BTCUSDT")]
    [InlineData("ETHUSDT")]
    public void Wma20_MatchesTaLib(string symbol)
    {
        var reference = TaLibReference.Load(symbol);

        var streamed = Feed.Run(new Wma(20), reference.Bars.Close);

        reference.FirstRow("wma_20").ShouldBe(19);
        double.IsNaN(streamed[18]).ShouldBeTrue();
        ReferenceAssert.Matches(reference.Column("wma_20"), streamed, $"wma_20 vs TA-Lib on {symbol}", minimumCompared: 4_900);
    }

    [Fact]
    public void Wma_EqualsNaiveWeightedMean_OnRealAndRoughData()
    {
        foreach (var close in new[] { Checks.Spy().Close, Checks.Rough().Close })
        {
            foreach (var period in new[] { 1, 2, 9, 50 })
            {
                ReferenceAssert.Matches(Naive.Wma(close, period), Feed.Run(new Wma(period), close), $"wma_{period} vs naive weights", tolerance: 1e-9);
            }
        }
    }

    [Fact]
    public void Wma3_WeightsNewestHeaviest()
    {
        var wma = new Wma(3);

        foreach (var x in new[] { 1.0, 2, 6 })
        {
            wma.Update(x);
        }

        wma.Value.ShouldBe(((1 * 1) + (2 * 2) + (3 * 6)) / 6.0, 1e-15);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void AfterAHugeInputLeavesTheWindow_Wma5_IsExactlyTheMeanOfTheRest_StreamingAndBatch(int before)
    {
        // A running add-and-subtract sum kept a rounding residue of the 1e15 forever (wma_5 stayed at 0.0833).
        // The spike lands at every position of a 5-value block (before = 0 … 4).
        double[] input = [.. Enumerable.Repeat(0.1, before), 1e15, .. Enumerable.Repeat(0.1, 1_000)];
        var streamed = Feed.Run(new Wma(5), input);
        var batch = new double[input.Length];
        Wma.Batch(input, batch, 5);

        Checks.Identical(streamed, batch, "wma_5 batch vs streaming around a 1e15 spike");
        streamed[before + 4].ShouldBeGreaterThan(1e13, "the spike is in the window");
        for (var i = before + 5; i < input.Length; i++)
        {
            Math.Abs(streamed[i] - 0.1).ShouldBeLessThanOrEqualTo(0.1 * 1e-15, $"wma_5 at row {i}: {streamed[i]:R}");
        }
    }

    [Fact]
    public void AfterOneMillionUpdatesWithHugeOutliers_EqualsNaiveRecomputation_StreamingAndBatch()
    {
        // A random walk near 60 000 with one value in 10 000 a billion times larger: a running sum would keep
        // each outlier's rounding residue (~1e-9 relative each) and drift; the re-summed window never does.
        var input = IndicatorContract.RandomWalk(1_000_000, 60_000, seed: 17);
        var random = new Random(18);
        for (var i = 0; i < input.Length; i++)
        {
            if (random.NextDouble() < 1e-4)
            {
                input[i] *= 1e9;
            }
        }

        const int period = 20;
        var wma = new Wma(period);
        var streamed = new double[input.Length];
        for (var i = 0; i < input.Length; i++)
        {
            wma.Update(input[i]);
            streamed[i] = wma.Value;
        }

        var batch = new double[input.Length];
        Wma.Batch(input, batch, period);

        Checks.Identical(streamed, batch, "wma_20 batch vs streaming over 1M updates");
        foreach (var i in Enumerable.Range(0, 200).Select(k => input.Length - 1 - (k * 4_999)))
        {
            var expected = Naive.Wma(input[(i - period + 1)..(i + 1)], period)[^1];
            streamed[i].ShouldBe(expected, Math.Abs(expected) * 1e-13, $"wma_20 at row {i}");
        }
    }
}
