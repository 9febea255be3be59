using Quorum.Indicators.Oscillators;
using Quorum.Indicators.Tests.Averages;
using Quorum.Indicators.Tests.Support;

namespace Quorum.Indicators.Tests.Oscillators;

public sealed class RsiTests
{
    [Fact]
    public void Rsi14_MatchesLeanReference_SpyWithIndicators_Rsi14WilderColumn()
    {
        var table = ReferenceTable.Load("spy_with_indicators.txt");

        var streamed = Feed.Run(new Rsi(14), table.Column("Close"));

        double.IsNaN(streamed[13]).ShouldBeTrue("14 changes need 15 closes");
        ReferenceAssert.Matches(table.Column("RSI 14 Wilder"), streamed, "rsi_14 vs spy_with_indicators.txt RSI 14 Wilder");
    }

    [Theory]
    [InlineData("BTCUSDT")]
    [InlineData("ETHUSDT")]
    public void Rsi14_MatchesTaLib(string symbol)
    {
        // Named difference: a window with neither gains nor losses gives TA-Lib 0 and Quorum the neutral 50.
        // No such window occurs here (checked), so every row must match.
        var reference = TaLibReference.Load(symbol);
        var close = reference.Bars.Close;
        var changes = Naive.Changes(close);
        Enumerable.Range(0, changes.Length - 13).Any(i => changes.Skip(i).Take(14).All(c => c == 0)).ShouldBeFalse("a flat 14-change window");

        var batch = new double[close.Length];
        Rsi.Batch(close, batch, 14);

        reference.FirstRow("rsi_14").ShouldBe(14);
        double.IsNaN(batch[13]).ShouldBeTrue();
        ReferenceAssert.Matches(reference.Column("rsi_14"), batch, $"rsi_14 vs TA-Lib on {symbol}", minimumCompared: 4_900);
    }

    [Fact]
    public void Rsi_EqualsWildersTextbookDefinition_OnRealAndRoughData()
    {
        foreach (var close in new[] { Checks.Spy().Close, Checks.Rough().Close })
        {
            foreach (var period in new[] { 1, 2, 14, 50 })
            {
                ReferenceAssert.Matches(Naive.WilderRsi(close, period), Feed.Run(new Rsi(period), close), $"rsi_{period} vs 100 − 100/(1 + RS)", tolerance: 1e-9);
            }
        }
    }

    [Theory]
    [InlineData(new[] { 5.0, 5, 5, 5 }, 50.0)]
    [InlineData(new[] { 1.0, 2, 3, 4 }, 100.0)]
    [InlineData(new[] { 4.0, 3, 2, 1 }, 0.0)]
    public void Rsi3_OfFlatRisingAndFallingWindows_IsNeutral100And0(double[] closes, double expected)
    {
        var rsi = new Rsi(3);

        foreach (var close in closes)
        {
            rsi.Update(close);
        }

        rsi.Value.ShouldBe(expected);
    }

    [Fact]
    public void AverageGainAndLoss_AreNaNUntilReady_ThenWildersAverages()
    {
        var rsi = new Rsi(2);
        rsi.Update(10);
        rsi.Update(12);
        double.IsNaN(rsi.AverageGain).ShouldBeTrue();

        rsi.Update(11);

        rsi.AverageGain.ShouldBe(1.0);
        rsi.AverageLoss.ShouldBe(0.5);
        rsi.Value.ShouldBe(100.0 * 1.0 / 1.5, 1e-12);
    }
}
