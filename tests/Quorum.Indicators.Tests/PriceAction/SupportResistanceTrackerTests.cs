using Quorum.Indicators.PriceAction;
using static Quorum.Indicators.Tests.PriceAction.TestBars;

namespace Quorum.Indicators.Tests.PriceAction;

/// <summary>Levels from pivots with 1 bar each side and a 1 % price tolerance (no ATR term) unless a test says otherwise.</summary>
public sealed class SupportResistanceTrackerTests
{
    private static readonly SupportResistanceOptions OnePercent = new() { LeftBars = 1, RightBars = 1, PriceTolerance = 0.01, AtrTolerance = 0 };

    [Fact]
    public void PivotsWithinTolerance_ClusterIntoOneLevel_WithTheMeanPriceAndTheTouchCount()
    {
        // Pivot highs 100 (bar 1) and 100.5 (bar 4); pivot low 90 (bar 2).
        var bars = HighLow((95, 93), (100, 97), (96, 90), (98, 92), (100.5, 95), (97, 94));
        var tracker = new SupportResistanceTracker(OnePercent);

        var afterEach = Run(tracker, bars);

        afterEach[1].ShouldBeEmpty("bar 1's pivot is confirmed by bar 2");
        afterEach[2].ShouldBe([new PriceLevel(0, 100, HighTouches: 1, LowTouches: 0, FirstIndex: 1, LastTouchIndex: 1, LastTouchTimeMs: Step)]);
        afterEach[5].ShouldBe([
            new PriceLevel(1, 90, 0, 1, 2, 2, 2 * Step),
            new PriceLevel(0, 100.25, 2, 0, 1, 4, 4 * Step),
        ]);
        tracker.NearestAbove(95).ShouldBe(afterEach[5][1]);
        tracker.NearestBelow(95).ShouldBe(afterEach[5][0]);
        tracker.NearestAbove(95, minTouches: 3).ShouldBeNull();
        tracker.NearestAbove(100.25).ShouldBeNull("strictly above");
        tracker.NearestBelow(90).ShouldBeNull("strictly below");
        tracker.NearestBelow(100.3)!.Value.Touches.ShouldBe(2);
        Should.Throw<ArgumentOutOfRangeException>(() => tracker.NearestAbove(double.NaN)).Message.ShouldStartWith("levels_1_1: query price NaN is not a finite number");
    }

    [Theory]
    [InlineData(101, 1, "|101 − 100| = 1 ≤ 1 % of 101: joins")]
    [InlineData(102, 2, "|102 − 100| = 2 > 1 % of 102: a new level")]
    public void TheToleranceBoundary_IsInclusive(double second, int levels, string why)
    {
        var bars = HighLow((95, 93), (100, 94), (95, 93.5), (second, 94), (95, 93.5));
        var tracker = new SupportResistanceTracker(OnePercent with { MaxAgeBars = 100 });

        Run(tracker, bars);

        tracker.Levels.Count(l => l.HighTouches > 0).ShouldBe(levels, why);
    }

    [Fact]
    public void ALevelMovedWithinToleranceOfAnother_MergesWithIt()
    {
        // Pivot highs 100, 101.05 (2 levels: 1.05 > 1 % of 101.05), then 100.5 joins 100 → 100.25, now within 1.0025 of 101.05.
        var bars = HighLow((95, 90), (100, 94), (95, 90), (101.05, 94), (95, 90), (100.5, 94), (95, 90));
        var tracker = new SupportResistanceTracker(OnePercent);

        var afterEach = Run(tracker, bars);

        afterEach[4].Where(l => l.HighTouches > 0).Select(l => l.Price).ShouldBe([100, 101.05]);
        var merged = afterEach[6].Single(l => l.HighTouches > 0);
        merged.Id.ShouldBe(0, "the merged level keeps the older id");
        merged.HighTouches.ShouldBe(3);
        merged.Price.ShouldBe((100 + 100.5 + 101.05) / 3, 1e-12);
        (merged.FirstIndex, merged.LastTouchIndex, merged.LastTouchTimeMs).ShouldBe((1L, 5L, 5 * Step));
        afterEach[6].Single(l => l.LowTouches > 0).ShouldBe(new PriceLevel(1, 90, 0, 2, 2, 4, 4 * Step), "pivot lows 90 at bars 2 and 4");
    }

    [Fact]
    public void PivotHighAndPivotLowAtOnePrice_FormOneLevelTouchedFromBothSides()
    {
        var bars = HighLow((95, 90), (100, 94), (95, 90), (103, 101), (102, 100), (105, 101));
        var tracker = new SupportResistanceTracker(OnePercent);

        Run(tracker, bars);

        tracker.Levels.ShouldContain(l => l.HighTouches == 1 && l.LowTouches == 1 && l.Touches == 2);
    }

    [Fact]
    public void ALevelNotTouchedForMoreThanMaxAgeBars_Expires()
    {
        var bars = HighLow((95, 93), (100, 94), (95, 93.5), (96, 94), (97, 94.5), (98, 95), (99, 95.5));
        var tracker = new SupportResistanceTracker(OnePercent with { MaxAgeBars = 3 });

        var afterEach = Run(tracker, bars);

        afterEach[4].Count(l => l.Price == 100).ShouldBe(1, "age 4 − 1 = 3 is not more than 3");
        afterEach[5].Count(l => l.Price == 100).ShouldBe(0, "age 5 − 1 = 4 > 3");
    }

    [Fact]
    public void AtMaxLevels_TheLeastRecentlyTouchedGivesWay()
    {
        var bars = HighLow((90, 80), (100, 85), (90, 80.5), (110, 85), (90, 80.7), (120, 85), (90, 80.9));
        var tracker = new SupportResistanceTracker(OnePercent with { MaxLevels = 2, PriceTolerance = 0.001 });

        Run(tracker, bars);

        // 100 (bar 1) gives way to 110, 80.5 (bar 2) to 80.7, 110 (bar 3) to 120.
        tracker.Levels.Select(l => l.Price).ShouldBe([80.7, 120]);
    }

    [Fact]
    public void ToleranceAt_IsTheLargerOfThePriceFractionAndTheAtrMultiple()
    {
        // Ranges of 2 with no gaps: true range 2, Wilder ATR(2) = 2.
        var bars = HighLow((101, 99), (101, 99), (101, 99));
        var tracker = new SupportResistanceTracker(new SupportResistanceOptions { PriceTolerance = 0.001, AtrTolerance = 0.5, AtrPeriod = 2 });

        tracker.Update(bars[0]);
        tracker.ToleranceAt(100).ShouldBe(0.1, 1e-12, "ATR not ready: only 0.1 % of 100");
        tracker.Update(bars[1]);
        tracker.AverageTrueRange.ShouldBe(2);
        tracker.ToleranceAt(100).ShouldBe(1, "0.5 × ATR 2");
        tracker.ToleranceAt(10_000).ShouldBe(10, 1e-9, "0.1 % of 10 000");
    }

    [Fact]
    public void Reset_ForgetsLevels()
    {
        var bars = HighLow((95, 93), (100, 97), (96, 90), (98, 92));
        var tracker = new SupportResistanceTracker(OnePercent);
        var before = Run(tracker, bars)[^1];

        tracker.Reset();

        tracker.Levels.ShouldBeEmpty();
        tracker.Samples.ShouldBe(0);
        Run(tracker, bars)[^1].ShouldBe(before, "ids restart too");
    }

    [Theory]
    [InlineData("PriceTolerance", "levels: PriceTolerance -0.1 is out of range (0 ≤ PriceTolerance < 1)")]
    [InlineData("Both", "levels: PriceTolerance and AtrTolerance are both 0; at least one must be > 0")]
    [InlineData("AtrTolerance", "levels: AtrTolerance Infinity is out of range (0 ≤ AtrTolerance, finite)")]
    [InlineData("MaxAgeBars", "levels: MaxAgeBars 5 is out of range (MaxAgeBars ≥ 6)")]
    [InlineData("MaxLevels", "levels: MaxLevels 0 is out of range (MaxLevels ≥ 1)")]
    [InlineData("AtrPeriod", "levels: AtrPeriod 0 is out of range (AtrPeriod ≥ 1)")]
    public void Options_OutOfRange_Throw(string parameter, string message)
    {
        var options = parameter switch
        {
            "PriceTolerance" => new SupportResistanceOptions { PriceTolerance = -0.1 },
            "Both" => new SupportResistanceOptions { PriceTolerance = 0, AtrTolerance = 0 },
            "AtrTolerance" => new SupportResistanceOptions { AtrTolerance = double.PositiveInfinity },
            "MaxAgeBars" => new SupportResistanceOptions { MaxAgeBars = 5 },
            "MaxLevels" => new SupportResistanceOptions { MaxLevels = 0 },
            _ => new SupportResistanceOptions { AtrPeriod = 0 },
        };

        Should.Throw<ArgumentOutOfRangeException>(() => new SupportResistanceTracker(options)).Message.ShouldStartWith(message);
    }

    private static List<PriceLevel[]> Run(SupportResistanceTracker tracker, OhlcvPoint[] bars)
    {
        var afterEach = new List<PriceLevel[]>();
        foreach (var bar in bars)
        {
            tracker.Update(bar);
            afterEach.Add([.. tracker.Levels]);
        }

        return afterEach;
    }
}
