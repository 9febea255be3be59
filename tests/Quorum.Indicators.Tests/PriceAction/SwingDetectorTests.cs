using Quorum.Indicators.PriceAction;
using static Quorum.Indicators.Tests.PriceAction.TestBars;

namespace Quorum.Indicators.Tests.PriceAction;

public sealed class SwingDetectorTests
{
    [Fact]
    public void Update_PeakWithTwoBarsEachSide_IsReportedOnlyWhenTheSecondRightBarCloses()
    {
        var bars = HighLow((101, 99), (102, 100), (105, 101), (103, 101), (102, 100.5), (101, 100.5));
        var swings = new SwingDetector(leftBars: 2, rightBars: 2);

        var reported = Run(swings, bars);

        reported.ShouldBe([(4, new SwingPoint(2, 2 * Step, 105, SwingKind.High, 4, 4 * Step))]);
        swings.LastHigh.ShouldBe(new SwingPoint(2, 2 * Step, 105, SwingKind.High, 4, 4 * Step));
        swings.NewHigh.ShouldBeNull("bar 5 confirms nothing");
    }

    [Fact]
    public void Update_TroughWithTwoBarsEachSide_ReportsSwingLow()
    {
        var bars = HighLow((101, 99), (100, 98), (99, 95), (100, 96), (101, 97));
        var swings = new SwingDetector(2, 2);

        Run(swings, bars).ShouldBe([(4, new SwingPoint(2, 2 * Step, 95, SwingKind.Low, 4, 4 * Step))]);
    }

    [Fact]
    public void Update_EqualHighOnTheRight_StillConfirmsAndTheFlatTopIsOnePivotAtItsFirstBar()
    {
        // Highs 1, 2, 5, 5, 4, 3: bar 2 is ≥ its right bars (5, 4); bar 3 is not > its left bar 2 (5 = 5).
        var bars = HighLow((1, 0), (2, 0), (5, 0), (5, 0), (4, 0), (3, 0), (2.5, 0));
        var swings = new SwingDetector(2, 2);

        var highs = Run(swings, bars).Where(r => r.Swing.Kind == SwingKind.High).ToList();

        highs.ShouldBe([(4, new SwingPoint(2, 2 * Step, 5, SwingKind.High, 4, 4 * Step))]);
    }

    [Fact]
    public void Update_EqualHighOnTheLeft_IsNoPivot()
    {
        var bars = HighLow((5, 0), (5, 0), (4, 0), (3, 0));
        var swings = new SwingDetector(1, 1);

        Run(swings, bars).Where(r => r.Swing.Kind == SwingKind.High).ShouldBeEmpty();
    }

    [Fact]
    public void Update_HigherBarInsideTheRightWindow_CancelsThePivot()
    {
        var bars = HighLow((1, 0), (2, 0), (5, 0), (4, 0), (5.5, 0), (3, 0), (2, 0));
        var swings = new SwingDetector(2, 2);

        var highs = Run(swings, bars).Where(r => r.Swing.Kind == SwingKind.High).Select(r => r.Swing.Index).ToList();

        highs.ShouldBe([4L], "bar 2 (5) is exceeded by bar 4 (5.5) within its right bars; bar 4 is the pivot");
    }

    [Fact]
    public void Update_OutsideBar_CanBeSwingHighAndSwingLowAtOnce()
    {
        var bars = HighLow((10, 8), (12, 6), (10, 8));
        var swings = new SwingDetector(1, 1);

        Run(swings, bars).ShouldBe([
            (2, new SwingPoint(1, Step, 12, SwingKind.High, 2, 2 * Step)),
            (2, new SwingPoint(1, Step, 6, SwingKind.Low, 2, 2 * Step)),
        ]);
    }

    [Fact]
    public void Update_RightBarsZero_ConfirmsOnThePivotBarItself()
    {
        var bars = HighLow((10, 8), (11, 9), (12, 10), (11.5, 9.5));
        var swings = new SwingDetector(leftBars: 2, rightBars: 0);

        Run(swings, bars).Where(r => r.Swing.Kind == SwingKind.High).ShouldBe([(2, new SwingPoint(2, 2 * Step, 12, SwingKind.High, 2, 2 * Step))]);
    }

    [Fact]
    public void Update_FirstPossiblePivotIsBarLeftBars()
    {
        // Bar 0 is the highest of all but has no left bars: never a pivot.
        var bars = HighLow((20, 0), (10, 1), (11, 2), (10, 1.5), (9, 1));
        var swings = new SwingDetector(1, 1);

        Run(swings, bars).Select(r => (r.Swing.Kind, r.Swing.Index)).ShouldBe([(SwingKind.High, 2L)]);
    }

    [Fact]
    public void ConfirmedSwings_OnRealBars_SatisfyThePivotRuleAndAreConfirmedRightBarsLater()
    {
        var bars = Points(Support.ReferenceTable.Load("spy_candle_patterns.txt").Bars());
        var swings = new SwingDetector(3, 2);

        var reported = Run(swings, bars);

        reported.Count.ShouldBeGreaterThan(40);
        foreach (var (at, swing) in reported)
        {
            swing.ConfirmedAtIndex.ShouldBe(at);
            swing.Index.ShouldBe(at - 2);
            var p = (int)swing.Index;
            var high = swing.Kind == SwingKind.High;
            swing.Price.ShouldBe(high ? bars[p].High : bars[p].Low);
            for (var j = p - 3; j < p; j++)
            {
                (high ? bars[j].High < swing.Price : bars[j].Low > swing.Price).ShouldBeTrue($"left bar {j} of {swing}");
            }

            for (var j = p + 1; j <= p + 2; j++)
            {
                (high ? bars[j].High <= swing.Price : bars[j].Low >= swing.Price).ShouldBeTrue($"right bar {j} of {swing}");
            }
        }

        // And nothing that satisfies the rule was missed.
        var expected = 0;
        for (var p = 3; p + 2 < bars.Length; p++)
        {
            var isHigh = Enumerable.Range(p - 3, 3).All(j => bars[j].High < bars[p].High) && Enumerable.Range(p + 1, 2).All(j => bars[j].High <= bars[p].High);
            var isLow = Enumerable.Range(p - 3, 3).All(j => bars[j].Low > bars[p].Low) && Enumerable.Range(p + 1, 2).All(j => bars[j].Low >= bars[p].Low);
            expected += (isHigh ? 1 : 0) + (isLow ? 1 : 0);
        }

        reported.Count.ShouldBe(expected);
    }

    [Fact]
    public void Reset_ForgetsBarsAndSwings()
    {
        var bars = HighLow((10, 8), (12, 6), (10, 8));
        var swings = new SwingDetector(1, 1);
        Run(swings, bars);

        swings.Reset();

        swings.Samples.ShouldBe(0);
        swings.LastHigh.ShouldBeNull();
        swings.LastLow.ShouldBeNull();
        swings.NewHigh.ShouldBeNull();
        Run(swings, bars).Count.ShouldBe(2, "the same bars (times restart) give the same swings after a reset");
    }

    [Theory]
    [InlineData(0, 1, "swings: leftBars 0 is out of range (leftBars ≥ 1)")]
    [InlineData(2, -1, "swings: rightBars -1 is out of range (rightBars ≥ 0)")]
    public void Constructor_BadBarCounts_ThrowNamingTheParameter(int left, int right, string message) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new SwingDetector(left, right)).Message.ShouldStartWith(message);

    private static List<(long At, SwingPoint Swing)> Run(SwingDetector swings, OhlcvPoint[] bars)
    {
        var reported = new List<(long, SwingPoint)>();
        foreach (var bar in bars)
        {
            swings.Update(bar);
            if (swings.NewHigh is { } high)
            {
                reported.Add((swings.Samples - 1, high));
            }

            if (swings.NewLow is { } low)
            {
                reported.Add((swings.Samples - 1, low));
            }
        }

        return reported;
    }
}
