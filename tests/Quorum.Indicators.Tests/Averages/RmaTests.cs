using Quorum.Indicators.Averages;
using Quorum.Indicators.Tests.Support;

namespace Quorum.Indicators.Tests.Averages;

public sealed class RmaTests
{
    [Fact]
    public void Rma14_OfGainsAndLosses_ReproducesLeanWilderRsi_SpyWithIndicators()
    {
        // No reference file holds a plain Wilder average, but Wilder's RSI is two of them: fed the gains and the
        // losses of the closes, Quorum's RMA(14) reproduces LEAN's "RSI 14 Wilder" column.
        var table = ReferenceTable.Load("spy_with_indicators.txt");
        var changes = Naive.Changes(table.Column("Close"));
        var gains = Feed.Run(new Rma(14), changes.Select(c => Math.Max(c, 0)).ToArray());
        var losses = Feed.Run(new Rma(14), changes.Select(c => Math.Max(-c, 0)).ToArray());
        var rsi = new[] { double.NaN }.Concat(gains.Select((g, i) => 100 - (100 / (1 + (g / losses[i]))))).ToArray();

        ReferenceAssert.Matches(table.Column("RSI 14 Wilder"), rsi, "RSI from rma_14 of gains and losses vs spy_with_indicators.txt");
    }

    [Fact]
    public void Rma_EqualsWildersRecursionAsWritten_OnRealAndRoughData()
    {
        // Quorum computes previous + (x − previous)/period in one fused multiply-add; Wilder wrote
        // (previous·(period − 1) + x)/period. Same number up to rounding.
        foreach (var close in new[] { Checks.Spy().Close, Checks.Rough().Close })
        {
            foreach (var period in new[] { 1, 2, 5, 14, 100 })
            {
                ReferenceAssert.Matches(Naive.Rma(close, period), Feed.Run(new Rma(period), close), $"rma_{period} vs Wilder's recursion", tolerance: 1e-12);
            }
        }
    }

    [Fact]
    public void Rma5_IsNotLeansRelativeMovingAverage_TheRma5ColumnOfSpyWithRma()
    {
        // Named convention: the "RMA5" column of LEAN's spy_with_rma.csv is LEAN's RelativeMovingAverage,
        // SMA(15) − SMA(10) + SMA(5), not Wilder's average. This proves what that column is (with Quorum's SMAs,
        // to 1e-9) and that Wilder's RMA is a different indicator.
        var table = ReferenceTable.Load("spy_with_rma.csv");
        var close = table.Column("close");
        var sma5 = Feed.Run(new Sma(5), close);
        var sma10 = Feed.Run(new Sma(10), close);
        var sma15 = Feed.Run(new Sma(15), close);
        var relative = close.Select((_, i) => sma15[i] - sma10[i] + sma5[i]).ToArray();

        ReferenceAssert.Matches(table.Column("RMA5"), relative, "SMA15 − SMA10 + SMA5 vs spy_with_rma.csv RMA5", from: 14, tolerance: 1e-9);
        Checks.MaxRelativeDifference(table.Column("RMA5"), Feed.Run(new Rma(5), close), from: 100).ShouldBeGreaterThan(1e-3);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(14)]
    [InlineData(100)]
    public void Rma_OfAConstant_IsExactlyThatConstant(int period)
    {
        var rma = new Rma(period);

        for (var i = 0; i < 1_000; i++)
        {
            rma.Update(0.1 + 0.2);
            if (rma.IsReady)
            {
                rma.Value.ShouldBe(0.1 + 0.2);
            }
        }
    }
}
