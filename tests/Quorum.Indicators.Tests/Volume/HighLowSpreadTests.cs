using Quorum.Indicators.Volume;

namespace Quorum.Indicators.Tests.Volume;

public sealed class HighLowSpreadTests
{
    // Known answers computed with an independent Python transcription of Corwin & Schultz (2012), eq. 14 and 18:
    // beta = ln(H1/L1)^2 + ln(H2/L2)^2, gamma = ln(max(H)/min(L))^2, k = 3 - 2*sqrt(2),
    // alpha = (sqrt(2 beta) - sqrt(beta))/k - sqrt(gamma/k), S = 2 (e^alpha - 1)/(1 + e^alpha).
    [Theory]
    [InlineData(101, 100, 101, 100, 0.009950248756218916)] // two identical bars: the whole range reads as spread
    [InlineData(100.5, 99.5, 100.4, 99.6, 0.006774877475724203)]
    [InlineData(102, 100, 101, 99, 0.0)] // alpha < 0 (−0.00412…): floored at 0
    public void Estimate_OfTwoBars_MatchesTheFormula(double high1, double low1, double high2, double low2, double expected)
    {
        HighLowSpread.Estimate(high1, low1, high2, low2).ShouldBe(expected, 1e-15);
    }

    [Fact]
    public void Value_IsTheMeanOfTheLastPeriodEstimates_FirstAtBarPeriodPlusOne()
    {
        var spread = new HighLowSpread(2);
        var bars = new[] { Bar(101, 100), Bar(101, 100), Bar(101, 100), Bar(102, 100.5) };

        spread.Update(bars[0]);
        spread.IsReady.ShouldBeFalse();
        spread.Update(bars[1]);
        spread.Value.ShouldBe(double.NaN);
        spread.Update(bars[2]);
        spread.IsReady.ShouldBeTrue();
        spread.Value.ShouldBe(0.009950248756218916, 1e-15);
        spread.Update(bars[3]); // second estimate −0.00472… floors at 0: mean (0.00995… + 0) / 2
        spread.Value.ShouldBe(0.009950248756218916 / 2, 1e-15);
    }

    [Fact]
    public void Reset_ThenReplay_GivesTheSameValues()
    {
        var spread = new HighLowSpread(3);
        var bars = Enumerable.Range(0, 10).Select(i => Bar(101 + (i % 3), 99 + (i % 2))).ToArray();
        var first = bars.Select(b => { spread.Update(b); return spread.Value; }).ToArray();

        spread.Reset();
        var second = bars.Select(b => { spread.Update(b); return spread.Value; }).ToArray();

        second.ShouldBe(first);
    }

    [Fact]
    public void Update_WithANonPositiveLow_ThrowsNamingTheBar()
    {
        var spread = new HighLowSpread(3);

        Should.Throw<ArgumentOutOfRangeException>(() => spread.Update(Bar(1, 0))).Message.ShouldContain("hl_spread_3: bar #1 has low 0");
    }

    private static OhlcvPoint Bar(double high, double low) => new(0, (high + low) / 2, high, low, (high + low) / 2, 1);
}
