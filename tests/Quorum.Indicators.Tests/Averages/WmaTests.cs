using Quorum.Indicators.Averages;
using Quorum.Indicators.Tests.Support;

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
        WindowAverageChecks.EqualsNaive(period => new Wma(period), Naive.Wma, "wma", "naive weights", 1, 2, 9, 50);
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
    [MemberData(nameof(WindowAverageChecks.SpikePositions), MemberType = typeof(WindowAverageChecks))]
    public void AfterAHugeInputLeavesTheWindow_Wma5_IsExactlyTheMeanOfTheRest_StreamingAndBatch(int before)
    {
        // A running add-and-subtract sum kept a rounding residue of the 1e15 forever (wma_5 stayed at 0.0833).
        WindowAverageChecks.ExactAfterASpikeLeaves(period => new Wma(period), Wma.Batch, "wma", before);
    }

    [Fact]
    public void AfterOneMillionUpdatesWithHugeOutliers_EqualsNaiveRecomputation_StreamingAndBatch()
    {
        WindowAverageChecks.NoDriftOverOneMillionUpdates(period => new Wma(period), Wma.Batch, Naive.Wma, "wma");
    }
}
