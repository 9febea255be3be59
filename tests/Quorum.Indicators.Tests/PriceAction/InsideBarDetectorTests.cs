using Quorum.Indicators.PriceAction;
using Quorum.Indicators.Tests.Support;
using static Quorum.Indicators.Tests.PriceAction.TestBars;

namespace Quorum.Indicators.Tests.PriceAction;

/// <summary>
/// Inside bars compare full high/low ranges with the previous bar. TA-Lib's nearest pattern, CDLHARAMI, compares real bodies
/// and needs a long first body and a short second body judged against 10-candle rolling averages, so the definitions differ;
/// the last test shows it on two named SPY rows.
/// </summary>
public sealed class InsideBarDetectorTests
{
    [Theory]
    [InlineData(11.5, 9.5, false, true, "strictly inside")]
    [InlineData(12, 9.5, false, false, "equal high: not strictly inside")]
    [InlineData(12, 9.5, true, true, "equal high: inside when inclusive")]
    [InlineData(11.5, 9, true, true, "equal low: inside when inclusive")]
    [InlineData(12, 9, true, true, "identical range: inside when inclusive")]
    [InlineData(12.5, 9.5, true, false, "higher high")]
    [InlineData(11.5, 8.5, true, false, "lower low")]
    [InlineData(12.5, 8.5, true, false, "outside bar")]
    public void SecondBar_AgainstMotherRange12To9(double high, double low, bool inclusive, bool expected, string why)
    {
        var detector = new InsideBarDetector(inclusive);
        detector.Update(Bar(0, 10, 12, 9, 11));

        detector.Update(Bar(1, (high + low) / 2, high, low, (high + low) / 2));

        (detector.Detected is not null).ShouldBe(expected, why);
        if (expected)
        {
            detector.Detected.ShouldBe(new InsideBar(1, Step, MotherIndex: 0, MotherHigh: 12, MotherLow: 9));
        }
    }

    [Fact]
    public void RunOfInsideBars_EachRefersToItsPredecessor()
    {
        var detector = new InsideBarDetector();
        var mothers = new List<long>();
        foreach (var bar in HighLow((12, 9), (11.5, 9.5), (11, 10), (10.75, 10.25)))
        {
            detector.Update(bar);
            if (detector.Detected is { } inside)
            {
                mothers.Add(inside.MotherIndex);
            }
        }

        mothers.ShouldBe([0L, 1L, 2L]);
    }

    [Fact]
    public void FirstBar_IsNeverInside_AndResetForgetsTheMother()
    {
        var detector = new InsideBarDetector();
        detector.Update(Bar(0, 10, 12, 9, 11));
        detector.Reset();

        detector.Update(Bar(0, 10, 11, 10, 10.5));

        detector.Detected.ShouldBeNull();
    }

    [Fact]
    public void TaLibHarami_ComparesBodiesNotRanges_SoDefinitionsDiffer_OnNamedSpyRows()
    {
        var table = ReferenceTable.Load("spy_candle_patterns.txt");
        var bars = Points(table.Bars());
        var harami = table.Column("CDLHARAMI");
        var detector = new InsideBarDetector();
        var inside = bars.Select(b => { detector.Update(b); return detector.Detected is not null; }).ToArray();

        // Row 20: range 155.60–154.73 inside 155.64–154.10, but its body (154.84→155.60) is larger than and outside the previous body.
        inside[20].ShouldBeTrue();
        harami[20].ShouldBe(0);

        // Row 53: body 163.27→162.88 inside the previous body 162.42→163.34 (harami −100), but its high 163.70 exceeds 163.39.
        harami[53].ShouldBe(-100);
        inside[53].ShouldBeFalse();
    }
}
