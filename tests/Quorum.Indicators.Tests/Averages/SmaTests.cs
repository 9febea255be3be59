using Quorum.Indicators.Averages;
using Quorum.Indicators.Tests.Support;

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
        WindowAverageChecks.EqualsNaive(period => new Sma(period), Naive.Sma, "sma", "naive mean", 1, 2, 7, 50);
    }

    [Theory]
    [MemberData(nameof(WindowAverageChecks.SpikePositions), MemberType = typeof(WindowAverageChecks))]
    public void AfterAHugeInputLeavesTheWindow_Sma5_IsExactlyTheMeanOfTheRest_StreamingAndBatch(int before)
    {
        // A running add-and-subtract sum kept a rounding residue of the 1e15 forever (sma_5 stayed at 0.095).
        WindowAverageChecks.ExactAfterASpikeLeaves(period => new Sma(period), Sma.Batch, "sma", before);
    }

    [Fact]
    public void AfterOneMillionUpdatesWithHugeOutliers_EqualsNaiveRecomputation_StreamingAndBatch()
    {
        WindowAverageChecks.NoDriftOverOneMillionUpdates(period => new Sma(period), Sma.Batch, Naive.Sma, "sma");
    }
}
