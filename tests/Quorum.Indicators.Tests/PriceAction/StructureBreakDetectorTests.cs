using Quorum.Indicators.PriceAction;
using static Quorum.Indicators.Tests.PriceAction.TestBars;

namespace Quorum.Indicators.Tests.PriceAction;

/// <summary>
/// Swings with 1 bar each side. Bars 0–2 make a swing high 105 at bar 1 (confirmed at bar 2); bars 4–6 a swing low 103 at
/// bar 5 (confirmed at bar 6).
/// </summary>
public sealed class StructureBreakDetectorTests
{
    private static readonly SwingPoint High105 = new(1, Step, 105, SwingKind.High, 2, 2 * Step);

    [Fact]
    public void CloseAboveTheLastSwingHigh_IsABullishBreak_ThenACloseBelowTheLastSwingLow_IsABearishChangeOfCharacter()
    {
        var detector = new StructureBreakDetector(1, 1);

        var breaks = Run(detector, Ohlc(
            (100, 102, 99, 101),
            (101, 105, 100, 104),
            (104, 104, 101, 102),
            (102, 106, 101.5, 106),
            (106, 107, 105, 106.5),
            (106.5, 108, 103, 104),
            (104, 105, 103.5, 104.5),
            (104.5, 105, 102, 102.5)));

        breaks.ShouldBe([
            new StructureBreak(Bias.Bullish, 3, 3 * Step, 106, High105, IsChangeOfCharacter: false),
            new StructureBreak(Bias.Bearish, 7, 7 * Step, 102.5, new SwingPoint(5, 5 * Step, 103, SwingKind.Low, 6, 6 * Step), IsChangeOfCharacter: true),
        ]);
        breaks[0].Level.ShouldBe(105);
        detector.Trend.ShouldBe(Bias.Bearish);
        detector.ReferenceLow.ShouldBeNull("the low was broken");
        detector.ReferenceHigh.ShouldBe(new SwingPoint(5, 5 * Step, 108, SwingKind.High, 6, 6 * Step));
    }

    [Theory]
    [InlineData(105, "a close equal to the level is no break")]
    [InlineData(104.5, "a wick above (high 106) without a close above is no break")]
    public void NoCloseBeyond_IsNoBreak(double close, string why)
    {
        var bars = Ohlc((100, 102, 99, 101), (101, 105, 100, 104), (104, 104, 101, 102), (102, 106, 101.5, close));

        Run(new StructureBreakDetector(1, 1), bars).ShouldBeEmpty(why);
    }

    [Fact]
    public void ASwingIsBrokenOnce_AndBreaksInTheSameDirectionAreNoChangeOfCharacter()
    {
        var bars = Ohlc(
            (100, 102, 99, 101),
            (101, 105, 100, 104),
            (104, 104, 101, 102),
            (102, 106, 101.5, 106),
            (106, 107, 105, 106.5), // closes above 105 again: already broken
            (106.5, 106.5, 105.5, 106), // confirms swing high 107 at bar 4
            (106, 108, 105.8, 107.5));

        var breaks = Run(new StructureBreakDetector(1, 1), bars);

        breaks.Select(b => (b.Index, b.Level, b.IsChangeOfCharacter)).ShouldBe([(3L, 105.0, false), (6L, 107.0, false)]);
    }

    [Fact]
    public void BeforeItsConfirmation_ASwingIsNoReference()
    {
        // With 2 right bars the swing high 105 at bar 1 is confirmed only at bar 3; bar 3 itself cannot close above it.
        var detector = new StructureBreakDetector(1, 2);
        var bars = Ohlc((100, 102, 99, 101), (101, 105, 100, 104), (104, 104, 101, 102), (102, 104.5, 101.5, 104));

        Run(detector, bars).ShouldBeEmpty();
        detector.ReferenceHigh.ShouldBe(new SwingPoint(1, Step, 105, SwingKind.High, 3, 3 * Step));
    }

    [Fact]
    public void Reset_ForgetsSwingsAndTrend()
    {
        var detector = new StructureBreakDetector(1, 1);
        var bars = Ohlc((100, 102, 99, 101), (101, 105, 100, 104), (104, 104, 101, 102), (102, 106, 101.5, 106));
        Run(detector, bars).Count.ShouldBe(1);

        detector.Reset();

        (detector.Trend, detector.ReferenceHigh, detector.ReferenceLow, detector.Samples).ShouldBe((null, null, null, 0L));
        Run(detector, bars).Count.ShouldBe(1);
    }

    [Fact]
    public void Constructor_BadBarCounts_Throw() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new StructureBreakDetector(0, 1)).Message.ShouldStartWith("bos: leftBars 0 is out of range (leftBars ≥ 1)");

    private static List<StructureBreak> Run(StructureBreakDetector detector, OhlcvPoint[] bars)
    {
        var breaks = new List<StructureBreak>();
        foreach (var bar in bars)
        {
            detector.Update(bar);
            breaks.AddRange(detector.Detected);
        }

        return breaks;
    }
}
