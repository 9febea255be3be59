using Quorum.Indicators.Oscillators;
using Quorum.Indicators.Tests.Averages;
using Quorum.Indicators.Tests.Support;

namespace Quorum.Indicators.Tests.Oscillators;

public sealed class CutlerRsiTests
{
    [Fact]
    public void CutlerRsi14_IsLeansSimpleRsi_SpyWithIndicators_Rsi14Column_WrittenInSinglePrecision()
    {
        // Named convention of the file: LEAN's "RSI 14" column (RelativeStrengthIndex with
        // MovingAverageType.Simple) was written in single precision and starts one row after the first
        // defined value. (a) Cutler's formula in float reproduces it to 1e-6; (b) Quorum's value is that formula
        // in double (naive recomputation, 1e-9); (c) so Quorum differs from the file only by the file's float
        // rounding: closes near 14,000 rounded to float (±4e-4 each) move a 14-change RSI by up to 3e-4 points,
        // 1.2e-5 relative, checked at 2e-5. A Wilder RSI is off by more than 1 %.
        var table = ReferenceTable.Load("spy_with_indicators.txt");
        var close = table.Column("Close");
        var file = table.Column("RSI 14");

        var streamed = Feed.Run(new CutlerRsi(14), close);

        Array.FindIndex(file, v => !double.IsNaN(v)).ShouldBe(15);
        ReferenceAssert.Matches(file, SinglePrecision.CutlerRsi(close, 14), "Cutler RSI 14 in float vs spy_with_indicators.txt RSI 14");
        ReferenceAssert.Matches(Naive.CutlerRsi(close, 14), streamed, "cutler_rsi_14 vs naive window means", tolerance: 1e-9);
        ReferenceAssert.Matches(file, streamed, "cutler_rsi_14 vs spy_with_indicators.txt RSI 14 (float file)", tolerance: 2e-5);
        Checks.MaxRelativeDifference(file, Feed.Run(new Rsi(14), close)).ShouldBeGreaterThan(1e-2);
    }

    [Fact]
    public void CutlerRsi_EqualsNaiveWindowMeans_OnRealAndRoughData()
    {
        foreach (var close in new[] { Checks.Spy().Close, Checks.Rough().Close })
        {
            foreach (var period in new[] { 1, 2, 14, 50 })
            {
                ReferenceAssert.Matches(Naive.CutlerRsi(close, period), Feed.Run(new CutlerRsi(period), close), $"cutler_rsi_{period} vs naive", tolerance: 1e-9);
            }
        }
    }

    [Fact]
    public void CutlerRsi_WhenTheLastLossLeavesTheWindow_IsExactly100()
    {
        // Running sums: losses of 0.1, 0.7, 0.3 … entered and left; the loss sum is reset to exactly 0, so an
        // all-gain window reads 100, not 99.99999999999.
        var rsi = new CutlerRsi(3);
        foreach (var close in new[] { 10.0, 9.9, 9.2, 8.9, 9.3, 9.31, 9.57, 9.58 })
        {
            rsi.Update(close);
        }

        rsi.Value.ShouldBe(100.0);
    }

    [Fact]
    public void CutlerRsi_FlatWindow_IsNeutral50()
    {
        var rsi = new CutlerRsi(2);
        foreach (var close in new[] { 3.0, 4, 4, 4 })
        {
            rsi.Update(close);
        }

        rsi.Value.ShouldBe(50.0);
    }
}
