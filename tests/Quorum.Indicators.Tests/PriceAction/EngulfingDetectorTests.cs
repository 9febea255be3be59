using Quorum.Indicators.PriceAction;
using Quorum.Indicators.Tests.Support;
using static Quorum.Indicators.Tests.PriceAction.TestBars;

namespace Quorum.Indicators.Tests.PriceAction;

/// <summary>
/// Engulfing follows TA-Lib's CDLENGULFING: opposite colours (white when close ≥ open), the second real body beyond the first
/// on both edges. TA-Lib 0.4 (and LEAN's port, which made spy_candle_patterns.txt) needs both edges strictly beyond; TA-Lib 0.6
/// also accepts one equal edge and scores it ±80. Both are covered; the file cannot tell them apart (no such row in it).
/// </summary>
public sealed class EngulfingDetectorTests
{
    [Fact]
    public void AllRows_MatchTaLibCdlEngulfing_InSpyCandlePatterns()
    {
        var table = ReferenceTable.Load("spy_candle_patterns.txt");
        var bars = Points(table.Bars());
        var reference = table.Column("CDLENGULFING");

        var strict = Flags(new EngulfingDetector(), bars);
        var taLib06 = Flags(new EngulfingDetector(allowEqualEdge: true), bars);

        bars.Length.ShouldBe(500);
        double.IsNaN(reference[0]).ShouldBeTrue("TA-Lib's lookback is 2: rows 0 and 1 have no value");
        double.IsNaN(reference[1]).ShouldBeTrue();
        strict[1].ShouldBe(-100, "row 1 is a bearish engulfing of row 0, which TA-Lib does not evaluate (lookback 2)");
        var differing = Enumerable.Range(2, bars.Length - 2).Where(i => strict[i] != reference[i]).ToList();
        differing.ShouldBeEmpty($"rows where engulfing differs from TA-Lib: {string.Join(", ", differing.Select(i => $"{i} ours {strict[i]} TA-Lib {reference[i]}"))}");
        Enumerable.Range(2, bars.Length - 2).Count(i => reference[i] != 0).ShouldBe(32, "13 bullish and 19 bearish patterns are compared, not just zeros");
        taLib06.ShouldBe(strict, "no row of the file has an opposite-colour pair sharing exactly one body edge, so TA-Lib 0.4 and 0.6 agree here");
    }

    [Fact]
    public void DojiFollowedByABlackBody_IsBearish_BecauseADojiCountsAsWhite_TaLibRow158()
    {
        var table = ReferenceTable.Load("spy_candle_patterns.txt");
        var bars = Points(table.Bars());
        bars[157].Open.ShouldBe(bars[157].Close, "row 157 (2013-10-07) is a doji");

        var detector = new EngulfingDetector();
        foreach (var bar in bars.Take(159))
        {
            detector.Update(bar);
        }

        detector.Detected.ShouldBe(new Engulfing(158, 158L * 86_400_000L, Bias.Bearish, EqualEdge: false));
        table.Column("CDLENGULFING")[158].ShouldBe(-100);
    }

    [Theory]
    [InlineData(11, 10, 9.5, 11.5, 100, "bullish: black 11→10, white 9.5→11.5")]
    [InlineData(10, 11, 11.5, 9.5, -100, "bearish: white 10→11, black 11.5→9.5")]
    [InlineData(10, 10, 10.5, 9.5, -100, "a doji first counts as white, so a black body can engulf it")]
    [InlineData(10, 10, 9.5, 10.5, 0, "a doji is white: white after white is no engulfing")]
    [InlineData(11, 10, 10.5, 10.5, 0, "a doji never engulfs")]
    [InlineData(10, 11, 9.5, 11.5, 0, "same colour")]
    [InlineData(11, 10, 10.25, 11.5, 0, "second body does not reach below the first body's close")]
    [InlineData(11, 10, 10, 11, 0, "both edges equal: never (0.4 or 0.6)")]
    public void HandBuiltPairs_Strict(double open1, double close1, double open2, double close2, int expected, string why)
    {
        Pair(open1, close1, open2, close2, allowEqualEdge: false).ShouldBe(expected, why);
        if (expected != 0)
        {
            Pair(open1, close1, open2, close2, allowEqualEdge: true).ShouldBe(expected, "strict patterns score ±100 in both modes");
        }
    }

    [Theory]
    [InlineData(11, 10, 10, 11.5, 80, "bullish, second open equals first close")]
    [InlineData(11, 10, 9.5, 11, 80, "bullish, second close equals first open")]
    [InlineData(10, 11, 11, 9.5, -80, "bearish, second open equals first close")]
    [InlineData(10, 11, 11.5, 10, -80, "bearish, second close equals first open")]
    public void OneEqualEdge_IsEngulfingOnlyWithAllowEqualEdge_ScoredLikeTaLib06(double open1, double close1, double open2, double close2, int taLib06, string why)
    {
        Pair(open1, close1, open2, close2, allowEqualEdge: false).ShouldBe(0, $"TA-Lib 0.4: {why}");
        Pair(open1, close1, open2, close2, allowEqualEdge: true).ShouldBe(taLib06, $"TA-Lib 0.6: {why}");
    }

    [Fact]
    public void FirstBar_HasNoPredecessor_AndResetForgetsIt()
    {
        var detector = new EngulfingDetector();
        detector.Update(Bar(0, 11, 11, 10, 10));
        detector.Update(Bar(1, 9.5, 11.5, 9.5, 11.5));
        detector.Detected.ShouldNotBeNull();

        detector.Reset();
        detector.Update(Bar(0, 9.5, 11.5, 9.5, 11.5));

        detector.Samples.ShouldBe(1);
        detector.Detected.ShouldBeNull("after a reset the first bar has no predecessor");
    }

    private static int Pair(double open1, double close1, double open2, double close2, bool allowEqualEdge)
    {
        var detector = new EngulfingDetector(allowEqualEdge);
        detector.Update(Bar(0, open1, Math.Max(open1, close1) + 1, Math.Min(open1, close1) - 1, close1));
        detector.Update(Bar(1, open2, Math.Max(open2, close2) + 1, Math.Min(open2, close2) - 1, close2));
        var streamed = detector.Detected?.TaLibValue ?? 0;
        var pure = EngulfingDetector.Match(open1, close1, open2, close2, allowEqualEdge, out var equalEdge) is { } bias
            ? (bias == Bias.Bullish ? 1 : -1) * (equalEdge ? 80 : 100)
            : 0;
        pure.ShouldBe(streamed, "streaming and the pure form agree");
        return streamed;
    }

    private static double[] Flags(EngulfingDetector detector, OhlcvPoint[] bars) =>
        [.. bars.Select(b => { detector.Update(b); return (double)(detector.Detected?.TaLibValue ?? 0); })];
}
