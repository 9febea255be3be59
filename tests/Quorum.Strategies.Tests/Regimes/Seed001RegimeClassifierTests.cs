using Quorum.Configuration;
using Quorum.Core.Time;
using Quorum.Indicators;
using Quorum.Strategies.Regimes;
using static Quorum.Strategies.Tests.Regimes.RegimeSeries;

namespace Quorum.Strategies.Tests.Regimes;

public sealed class Seed001RegimeClassifierTests
{
    private static readonly Seed001RegimeThresholds Defaults = new();

    // A quiet range: ADX 15, flat EMA, ATR% and HV below their quantiles, no drawdown, an ordinary bar.
    private static readonly RegimeFeatureValues Quiet = new(
        Adx: 15, EmaSlope: 0, AtrPercent: 1.0, AtrPercentThreshold: 1.5, HistoricalVolatility: 0.5, HistoricalVolatilityThreshold: 0.8,
        Drawdown: 0.02, RangeToAtr: 1.0, ClosedDown: true);

    [Fact]
    public void Classify_QuietRange_IsRangeLowVol()
    {
        Seed001RegimeClassifier.Classify(Quiet, Defaults).ShouldBe(RegimeLabels.RangeLowVol);
    }

    [Theory]
    [InlineData(25.0, 1e-9, "trend_up")] // ADX at the threshold trends (≥ 25)
    [InlineData(24.999999, 1e-9, "range_lowvol")]
    [InlineData(40.0, -1e-9, "trend_down")]
    [InlineData(40.0, 0.0, "range_lowvol")] // a flat EMA gives no direction, whatever ADX says
    public void Classify_AdxAndSlope_AtTheEdges(double adx, double slope, string expected)
    {
        Seed001RegimeClassifier.Classify(Quiet with { Adx = adx, EmaSlope = slope }, Defaults).ShouldBe(expected);
    }

    [Theory]
    [InlineData(0.001, "range_lowvol")] // the slope must be strictly beyond the minimum
    [InlineData(0.0010001, "trend_up")]
    [InlineData(-0.0010001, "trend_down")]
    public void Classify_SlopeMinimum_IsStrict(double slope, string expected)
    {
        var thresholds = new Seed001RegimeThresholds { SlopeMinimum = 0.001 };

        Seed001RegimeClassifier.Classify(Quiet with { Adx = 30, EmaSlope = slope }, thresholds).ShouldBe(expected);
    }

    [Theory]
    [InlineData(1.5, 0.5, "range_lowvol")] // ATR% equal to its quantile is not above it
    [InlineData(1.5000001, 0.5, "range_highvol")]
    [InlineData(1.0, 0.8, "range_lowvol")]
    [InlineData(1.0, 0.8000001, "range_highvol")] // HV above its quantile alone is enough
    public void Classify_Volatility_AgainstItsQuantiles(double atrPercent, double hv, string expected)
    {
        Seed001RegimeClassifier.Classify(Quiet with { AtrPercent = atrPercent, HistoricalVolatility = hv }, Defaults).ShouldBe(expected);
    }

    [Theory]
    [InlineData(0.10, 1.0, true, "panic")] // 10 % under the 24 h high
    [InlineData(0.0999999, 1.0, true, "range_lowvol")]
    [InlineData(0.0, 4.0, true, "panic")] // a down bar of 4 ATRs
    [InlineData(0.0, 3.9999999, true, "range_lowvol")]
    [InlineData(0.0, 6.0, false, "range_lowvol")] // a wide bar that closed up is no crash
    public void Classify_CrashDetector_AtTheEdges(double drawdown, double rangeToAtr, bool closedDown, string expected)
    {
        Seed001RegimeClassifier.Classify(Quiet with { Drawdown = drawdown, RangeToAtr = rangeToAtr, ClosedDown = closedDown }, Defaults).ShouldBe(expected);
    }

    [Fact]
    public void Classify_PanicWinsOverATrend()
    {
        Seed001RegimeClassifier.Classify(Quiet with { Adx = 50, EmaSlope = -0.01, Drawdown = 0.2 }, Defaults).ShouldBe(RegimeLabels.Panic);
    }

    [Fact]
    public void WarmUp_IsUnknownUntilEveryFeatureIsDefined()
    {
        // 1h defaults: ADX ready at 41, EMA200 + 20 slope points at 219, ATR% quantile at 15 + 249 = 264,
        // HV quantile at 21 + 249 = 270, the 24-bar crash window at 24: the label comes with bar 270.
        var classifier = new Seed001RegimeClassifier(Timeframe.H1);
        classifier.WarmUpBars.ShouldBe(270);
        var bars = Zigzag(270);

        foreach (var bar in bars.Take(269))
        {
            classifier.Update(bar);
            classifier.Label.ShouldBe(RegimeClassifierLabels.Unknown);
            classifier.IsReady.ShouldBeFalse();
        }

        classifier.Update(bars[269]);
        classifier.IsReady.ShouldBeTrue();
        classifier.Label.ShouldBe(RegimeLabels.RangeLowVol);
    }

    [Fact]
    public void Update_OnAZigzag_IsRangeLowVol()
    {
        Last(Zigzag(400)).ShouldBe(RegimeLabels.RangeLowVol);
    }

    [Fact]
    public void Update_WhenTheZigzagWidens_IsRangeHighVol()
    {
        // ATR% of the last bars rises above its 0.75 quantile; the swings stay symmetric, so ADX stays low, and a
        // 2.5-point bar is 2.5 ATRs at most (no crash bar).
        var bars = Zigzag(400);
        Append(bars, 6, i => 100 + (i % 2 == 0 ? 2.5 : 0));

        Last(bars).ShouldBe(RegimeLabels.RangeHighVol);
    }

    [Fact]
    public void Update_OnARisingSeries_IsTrendUp_AndOnAFallingOne_TrendDown()
    {
        Last(Trend(400, 0.002)).ShouldBe(RegimeLabels.TrendUp);
        Last(Trend(400, -0.002)).ShouldBe(RegimeLabels.TrendDown);
    }

    [Fact]
    public void Update_WhenPriceFallsTwelvePercentInAFewBars_IsPanic()
    {
        var bars = Zigzag(400);
        Append(bars, 4, i => 100 * (1 - (0.03 * (i + 1))));

        Last(bars).ShouldBe(RegimeLabels.Panic);
    }

    [Fact]
    public void Update_SameBars_GiveTheSameLabels_AlsoAfterReset()
    {
        var bars = Trend(300, 0.001);
        Append(bars, 100, i => bars[299].Close * (1 + (0.01 * Math.Sin(i / 3.0))));
        var classifier = new Seed001RegimeClassifier(Timeframe.H1);
        var first = Labels(classifier, bars);
        var second = Labels(new Seed001RegimeClassifier(Timeframe.H1), bars);
        classifier.Reset();
        var third = Labels(classifier, bars);

        second.ShouldBe(first);
        third.ShouldBe(first);
        first.Distinct().Count().ShouldBeGreaterThan(2);
    }

    [Fact]
    public void Thresholds_OutOfRange_ThrowNamingThem()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new Seed001RegimeClassifier(Timeframe.H1, thresholds: new Seed001RegimeThresholds { CrashDrop = 1.5 }))
            .Message.ShouldContain("regime crash drop 1.5 is out of range (0 < x < 1)");
        Should.Throw<ArgumentOutOfRangeException>(() => new Seed001RegimeClassifier(Timeframe.H1, new RegimeFeatureOptions { VolatilityQuantile = 1 }))
            .Message.ShouldContain("regime volatility quantile 1 is out of range (0 < q < 1)");
    }

    private static string Last(List<OhlcvPoint> bars) => Labels(new Seed001RegimeClassifier(Timeframe.H1), bars)[^1];

    private static List<string> Labels(IRegimeClassifier classifier, List<OhlcvPoint> bars)
    {
        var labels = new List<string>(bars.Count);
        foreach (var bar in bars)
        {
            classifier.Update(bar);
            labels.Add(classifier.Label);
        }

        return labels;
    }
}
