using Quorum.Indicators.Averages;
using Quorum.Indicators.Tests.Support;
using Quorum.Indicators.Tests.Volatility;

namespace Quorum.Indicators.Tests.Averages;

public sealed class SmaTests
{
    [Fact]
    public void Sma14_MatchesLeanReference_SpyWithIndicators()
    {
        var table = ReferenceTable.Load("spy_with_indicators.txt");

        var streamed = Feed.Run(new Sma(14), table.Column("Close"));

        ReferenceAssert.Matches(table.Column("SMA14"), streamed, "sma_14 vs spy_with_indicators.txt");
    }

    [Fact]
    public void Sma5_10_15_MatchLeanReference_SpyWithRma_WhoseSma5AndSma15HeadersAreSwapped()
    {
        // Convention of the file, not of Quorum: in LEAN's spy_with_rma.csv the column headed "SMA5" holds the
        // 15-bar mean and "SMA15" the 5-bar mean (SMA10 is right). The file also starts with values computed
        // from bars before its first row, so rows before period − 1 are not comparable.
        var table = ReferenceTable.Load("spy_with_rma.csv");
        var close = table.Column("close");
        var sma5 = Feed.Run(new Sma(5), close);
        var sma10 = Feed.Run(new Sma(10), close);
        var sma15 = Feed.Run(new Sma(15), close);

        ReferenceAssert.Matches(table.Column("SMA15"), sma5, "sma_5 vs spy_with_rma.csv column SMA15", from: 4, tolerance: 1e-9);
        ReferenceAssert.Matches(table.Column("SMA10"), sma10, "sma_10 vs spy_with_rma.csv column SMA10", from: 9, tolerance: 1e-9);
        ReferenceAssert.Matches(table.Column("SMA5"), sma15, "sma_15 vs spy_with_rma.csv column SMA5", from: 14, tolerance: 1e-9);
        Checks.MaxRelativeDifference(table.Column("SMA5"), sma5, from: 14).ShouldBeGreaterThan(1e-3, "the headers really are swapped");
    }

    [Theory]
    [InlineData("BTCUSDT")]
    [InlineData("ETHUSDT")]
    public void Sma20_MatchesTaLib(string symbol)
    {
        var reference = TaLibReference.Load(symbol);
        var expected = reference.Column("sma_20");

        var batch = new double[reference.Bars.Length];
        Sma.Batch(reference.Bars.Close, batch, 20);

        reference.FirstRow("sma_20").ShouldBe(19);
        double.IsNaN(batch[18]).ShouldBeTrue();
        ReferenceAssert.Matches(expected, batch, $"sma_20 vs TA-Lib on {symbol}", minimumCompared: 4_900);
    }

    [Fact]
    public void Sma_EqualsNaiveWindowMean_OnRealAndRoughData()
    {
        foreach (var close in new[] { Checks.Spy().Close, Checks.Rough().Close })
        {
            foreach (var period in new[] { 1, 2, 7, 50 })
            {
                ReferenceAssert.Matches(Naive.Sma(close, period), Feed.Run(new Sma(period), close), $"sma_{period} vs naive mean", tolerance: 1e-9);
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void AfterAHugeInputLeavesTheWindow_Sma5_IsExactlyTheMeanOfTheRest_StreamingAndBatch(int before)
    {
        // A running add-and-subtract sum kept a rounding residue of the 1e15 forever (sma_5 stayed at 0.095).
        // The spike lands at every position of a 5-value block (before = 0 … 4).
        double[] input = [.. Enumerable.Repeat(0.1, before), 1e15, .. Enumerable.Repeat(0.1, 1_000)];
        var streamed = Feed.Run(new Sma(5), input);
        var batch = new double[input.Length];
        Sma.Batch(input, batch, 5);

        Checks.Identical(streamed, batch, "sma_5 batch vs streaming around a 1e15 spike");
        streamed[before + 4].ShouldBeGreaterThan(1e13, "the spike is in the window");
        for (var i = before + 5; i < input.Length; i++)
        {
            Math.Abs(streamed[i] - 0.1).ShouldBeLessThanOrEqualTo(0.1 * 1e-15, $"sma_5 at row {i}: {streamed[i]:R}");
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
        var sma = new Sma(period);
        var streamed = new double[input.Length];
        for (var i = 0; i < input.Length; i++)
        {
            sma.Update(input[i]);
            streamed[i] = sma.Value;
        }

        var batch = new double[input.Length];
        Sma.Batch(input, batch, period);

        Checks.Identical(streamed, batch, "sma_20 batch vs streaming over 1M updates");
        foreach (var i in Enumerable.Range(0, 200).Select(k => input.Length - 1 - (k * 4_999)))
        {
            var expected = Naive.Sma(input[(i - period + 1)..(i + 1)], period)[^1];
            streamed[i].ShouldBe(expected, Math.Abs(expected) * 1e-13, $"sma_20 at row {i}");
        }
    }
}
