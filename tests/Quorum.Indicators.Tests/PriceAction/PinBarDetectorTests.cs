using Quorum.Indicators.PriceAction;
using Quorum.Indicators.Tests.Support;
using static Quorum.Indicators.Tests.PriceAction.TestBars;

namespace Quorum.Indicators.Tests.PriceAction;

/// <summary>
/// Pin bars against hand-built candles (defaults: nose ≥ 2 × body, opposite wick ≤ 0.25 × nose). TA-Lib has no pin bar;
/// its nearest patterns (CDLHAMMER, CDLHANGINGMAN, CDLSHOOTINGSTAR, CDLINVERTEDHAMMER) judge the body and shadows against
/// rolling averages of earlier candles and add trend context, so an exact comparison is impossible; the last test shows
/// the difference on two named SPY rows.
/// </summary>
public sealed class PinBarDetectorTests
{
    [Theory]
    [InlineData(10, 11.5, 8, 11, "white body 1, lower wick 2 = 2 × body, upper wick 0.5 = 0.25 × nose: both bounds met exactly")]
    [InlineData(11, 11.5, 8, 10, "black body: the colour does not matter")]
    [InlineData(10, 10, 8, 10, "dragonfly doji: body 0, no upper wick")]
    [InlineData(10, 10.75, 4, 10.5, "long nose, small wicks")]
    public void LongLowerWick_IsBullishPinBar(double open, double high, double low, double close, string why)
    {
        Detect(open, high, low, close).ShouldBe(Bias.Bullish, why);
    }

    [Theory]
    [InlineData(10, 13, 9.5, 11, "upper wick 2 = 2 × body, lower wick 0.5")]
    [InlineData(10, 12, 10, 10, "gravestone doji")]
    public void LongUpperWick_IsBearishPinBar(double open, double high, double low, double close, string why)
    {
        Detect(open, high, low, close).ShouldBe(Bias.Bearish, why);
    }

    [Theory]
    [InlineData(10, 11.5, 8.25, 11, "nose 1.75 < 2 × body 1")]
    [InlineData(10, 11.75, 8, 11, "opposite wick 0.75 > 0.25 × nose 2")]
    [InlineData(10, 12, 8, 10, "long-legged doji: both wicks long")]
    [InlineData(10, 10, 10, 10, "zero range")]
    [InlineData(8, 12, 8, 12, "marubozu: no wicks")]
    public void OtherCandles_AreNoPinBar(double open, double high, double low, double close, string why)
    {
        Detect(open, high, low, close).ShouldBeNull(why);
    }

    [Fact]
    public void Options_ChangeTheProportions()
    {
        var bar = Bar(0, 10, 11.5, 8, 11);

        PinBarDetector.Match(bar, new PinBarOptions { MinNoseToBody = 2.5 }).ShouldBeNull();
        PinBarDetector.Match(bar, new PinBarOptions { MaxOppositeWickToNose = 0.2 }).ShouldBeNull();
        PinBarDetector.Match(bar, new PinBarOptions { MinNoseToBody = 1.5, MaxOppositeWickToNose = 0.3 }).ShouldBe(Bias.Bullish);
    }

    [Fact]
    public void Detected_CarriesTheBarAndItsProportions()
    {
        var detector = new PinBarDetector();
        detector.Update(Bar(0, 10, 10.5, 9.5, 10.25));

        detector.Update(Bar(1, 10, 11.5, 8, 11));

        detector.Detected.ShouldBe(new PinBar(1, Step, Bias.Bullish, 11.5, 8, Nose: 2, Body: 1, OppositeWick: 0.5));
        detector.Update(Bar(2, 10, 11, 9, 10.5));
        detector.Detected.ShouldBeNull();
    }

    [Fact]
    public void TaLibHammerFamily_DependsOnRollingAverages_SoDefinitionsDiffer_OnNamedSpyRows()
    {
        var table = ReferenceTable.Load("spy_candle_patterns.txt");
        var bars = Points(table.Bars());
        var hammer = table.Column("CDLHAMMER");
        var hangingMan = table.Column("CDLHANGINGMAN");
        var options = new PinBarOptions();

        // Row 92 (2013-07-05): lower wick 1.23 ≥ 2 × body 0.49, upper wick 0.06 — a pin bar. TA-Lib flags neither hammer nor
        // hanging man because its "short body" must be below the mean body of the previous 10 candles, 0.480 < 0.49.
        PinBarDetector.Match(bars[92], options).ShouldBe(Bias.Bullish);
        (hammer[92], hangingMan[92]).ShouldBe((0.0, 0.0));
        var meanBody = Enumerable.Range(82, 10).Average(i => Math.Abs(bars[i].Close - bars[i].Open));
        Math.Abs(bars[92].Close - bars[92].Open).ShouldBeGreaterThan(meanBody);

        // Row 231 (2014-01-23): TA-Lib hammer (its "long shadow" only has to exceed the body); our nose 0.97 < 2 × body 0.59.
        hammer[231].ShouldBe(100);
        PinBarDetector.Match(bars[231], options).ShouldBeNull();
    }

    [Theory]
    [InlineData(0.0, 0.25, "pin_bar: MinNoseToBody 0 is out of range (0 < MinNoseToBody, finite)")]
    [InlineData(double.NaN, 0.25, "pin_bar: MinNoseToBody NaN is out of range (0 < MinNoseToBody, finite)")]
    [InlineData(2.0, 1.0, "pin_bar: MaxOppositeWickToNose 1 is out of range (0 ≤ MaxOppositeWickToNose < 1)")]
    [InlineData(2.0, -0.1, "pin_bar: MaxOppositeWickToNose -0.1 is out of range (0 ≤ MaxOppositeWickToNose < 1)")]
    public void Options_OutOfRange_Throw(double noseToBody, double oppositeToNose, string message) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new PinBarDetector(new PinBarOptions { MinNoseToBody = noseToBody, MaxOppositeWickToNose = oppositeToNose }))
            .Message.ShouldStartWith(message);

    private static Bias? Detect(double open, double high, double low, double close)
    {
        var detector = new PinBarDetector();
        detector.Update(Bar(0, open, high, low, close));
        var streamed = detector.Detected?.Bias;
        streamed.ShouldBe(PinBarDetector.Match(Bar(0, open, high, low, close), new PinBarOptions()), "streaming and the pure form agree");
        return streamed;
    }
}
