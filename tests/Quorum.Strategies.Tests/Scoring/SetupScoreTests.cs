using Quorum.Configuration;
using Quorum.Core.Instruments;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Indicators;
using Quorum.Strategies.Scoring;

namespace Quorum.Strategies.Tests.Scoring;

public sealed class SetupScoreTests
{
    private static readonly Symbol Btc = StrategyHarness.Btc;

    [Fact]
    public void Passes_AtSevenButNotAt6_99()
    {
        var below = new SetupScore(2, 2, 2, 0.99, 0);
        var at = new SetupScore(2, 2, 2, 1, 0);

        below.Total.ShouldBe(6.99, 1e-12);
        below.Passes.ShouldBeFalse();
        at.Total.ShouldBe(7.0);
        at.Passes.ShouldBeTrue();
    }

    [Fact]
    public void AddTo_WritesTheTotalAndEveryPart()
    {
        var metadata = new List<KeyValuePair<string, object>>();

        new SetupScore(1.5, 1.25, 2, 0.5, 2).AddTo(metadata);

        metadata.ShouldBe([
            KeyValuePair.Create<string, object>("setup_score", 7.25),
            KeyValuePair.Create<string, object>("setup_score_regime", 1.5),
            KeyValuePair.Create<string, object>("setup_score_liquidity", 1.25),
            KeyValuePair.Create<string, object>("setup_score_htf", 2.0),
            KeyValuePair.Create<string, object>("setup_score_volume_pattern", 0.5),
            KeyValuePair.Create<string, object>("setup_score_news", 2.0),
        ]);
    }

    [Theory]
    [InlineData(1_000_000, 0.0, 2.0)] // full turnover, no spread
    [InlineData(500_000, 0.0, 1.5)] // half the turnover: 0.5 + 1
    [InlineData(5_000_000, 0.001, 1.5)] // turnover capped at 1; spread at half the 20 bp maximum: 0.5
    [InlineData(1_000_000, 0.002, 1.0)] // spread at the maximum: 0
    [InlineData(0, 0.01, 0.0)]
    [InlineData(1_000_000, double.NaN, 1.0)] // no estimate yet counts 0
    public void LiquidityPoints_AreTurnoverAndSpreadEachZeroToOne(double turnover, double spread, double expected)
    {
        Scorer().LiquidityPoints(turnover, spread).ShouldBe(expected, 1e-12);
    }

    [Theory]
    [InlineData(1.5, 1.0, 2.0)] // 1.5× volume earns the full point; close at the extreme the full pattern point
    [InlineData(0.75, 0.5, 1.0)]
    [InlineData(3.0, 0.0, 1.0)]
    [InlineData(0.0, 0.25, 0.25)]
    public void VolumePatternPoints_AreVolumeRatioAndCloseLocation(double volumeRatio, double closeLocation, double expected)
    {
        Scorer().VolumePatternPoints(volumeRatio, closeLocation).ShouldBe(expected, 1e-12);
    }

    [Fact]
    public void NewsPoints_WithoutASource_AreFull_AndFollowTheSeverity()
    {
        Scorer().NewsPoints(Btc, 0).ShouldBe(2.0);
        Scorer(new FixedNews(0.25)).NewsPoints(Btc, 0).ShouldBe(1.5);
        Scorer(new FixedNews(1)).NewsPoints(Btc, 0).ShouldBe(0.0);
        Should.Throw<ArgumentOutOfRangeException>(() => Scorer(new FixedNews(1.5)).NewsPoints(Btc, 0)).Message.ShouldContain("news severity 1.5");
    }

    [Fact]
    public void RegimeFit_GivesEachLabelAndSideItsPoints_UnknownZero()
    {
        var fit = new RegimeFit([2, 0, 1, 1.5, 0], [0, 2, 1, 1.5, 0.5]);

        fit.Points(RegimeLabels.TrendUp, PositionSide.Long).ShouldBe(2);
        fit.Points(RegimeLabels.TrendUp, PositionSide.Short).ShouldBe(0);
        fit.Points(RegimeLabels.RangeHighVol, PositionSide.Short).ShouldBe(1.5);
        fit.Points(RegimeLabels.Panic, PositionSide.Short).ShouldBe(0.5);
        fit.Points("unknown", PositionSide.Long).ShouldBe(0);
        Should.Throw<ArgumentException>(() => new RegimeFit([2, 0], [0, 2, 1, 1.5, 0])).Message.ShouldContain("regime fit needs 5 points");
        Should.Throw<ArgumentOutOfRangeException>(() => new RegimeFit([2, 0, 1, 1.5, 2.5], [0, 2, 1, 1.5, 0])).Message.ShouldContain("2.5");
    }

    [Theory]
    [InlineData(TrendDirection.Up, PositionSide.Long, AlignmentMode.WithTrend, 2.0)]
    [InlineData(TrendDirection.Flat, PositionSide.Long, AlignmentMode.WithTrend, 1.0)]
    [InlineData(TrendDirection.Down, PositionSide.Long, AlignmentMode.WithTrend, 0.0)]
    [InlineData(TrendDirection.Down, PositionSide.Short, AlignmentMode.WithTrend, 2.0)]
    [InlineData(TrendDirection.Flat, PositionSide.Long, AlignmentMode.Reversion, 2.0)]
    [InlineData(TrendDirection.Up, PositionSide.Long, AlignmentMode.Reversion, 1.0)]
    [InlineData(TrendDirection.Up, PositionSide.Short, AlignmentMode.Reversion, 0.0)]
    [InlineData(TrendDirection.Flat, PositionSide.Short, AlignmentMode.Flat, 2.0)]
    [InlineData(TrendDirection.Up, PositionSide.Short, AlignmentMode.Flat, 1.0)]
    [InlineData(TrendDirection.Down, PositionSide.Short, AlignmentMode.Flat, 1.0)]
    public void HigherTimeframePoints_ByDirectionSideAndMode(TrendDirection direction, PositionSide side, AlignmentMode mode, double expected)
    {
        HigherTimeframeTrend.Points(direction, side, mode).ShouldBe(expected);
    }

    [Fact]
    public void HigherTimeframeTrend_IsFlatUntilReady_ThenFollowsCloseAndEmaSlope()
    {
        // EMA(3): ready at the 3rd close, a direction from the 4th (it needs the EMA's previous value).
        var trend = new HigherTimeframeTrend(3);
        foreach (var close in new[] { 10.0, 11, 12 })
        {
            trend.Update(close);
            trend.Direction.ShouldBe(TrendDirection.Flat);
        }

        trend.Update(13); // EMA 11 → 12, close 13 above: up
        trend.Direction.ShouldBe(TrendDirection.Up);
        trend.Update(12); // EMA 12 → 12: not rising
        trend.Direction.ShouldBe(TrendDirection.Flat);
        trend.Update(8); // EMA 12 → 10, close 8 below: down
        trend.Direction.ShouldBe(TrendDirection.Down);
    }

    [Fact]
    public void SetupBarFeatures_TurnoverPerHourVolumeRatioAndCloseLocation()
    {
        // 15m bars, window 2: turnover close × volume = 100 × 10 = 1000 a bar, 4 bars an hour → 4000 per hour.
        var features = new SetupBarFeatures(Timeframe.M15, window: 2);
        features.Update(new OhlcvPoint(0, 100, 101, 99, 100, 10));
        features.Update(new OhlcvPoint(0, 100, 101, 99, 100, 10));
        features.IsReady.ShouldBeFalse(); // the volume ratio needs 2 bars before the bar
        features.Update(new OhlcvPoint(0, 100, 102, 98, 101, 20)); // volume 20 against a mean of 10; close 3/4 up the range

        features.IsReady.ShouldBeTrue();
        features.VolumeRatio.ShouldBe(2.0);
        features.CloseLocation.ShouldBe(0.75);
        features.CloseLocationFor(PositionSide.Short).ShouldBe(0.25);
        features.TurnoverPerHour.ShouldBe(((1000.0 + 2020.0) / 2) * 4);
        features.Spread.ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public void Score_CombinesTheParts()
    {
        var features = new SetupBarFeatures(Timeframe.H1, window: 2);
        features.Update(new OhlcvPoint(0, 100, 100.1, 99.9, 100, 10_000));
        features.Update(new OhlcvPoint(0, 100, 100.1, 99.9, 100, 10_000));
        features.Update(new OhlcvPoint(0, 100, 100.1, 99.9, 100.1, 15_000));
        var fit = new RegimeFit([2, 0, 1, 1.5, 0], [0, 2, 1, 1.5, 0]);

        var score = Scorer().Score(Btc, 0, PositionSide.Long, fit, RegimeLabels.TrendUp, features, TrendDirection.Up, AlignmentMode.WithTrend);

        score.Regime.ShouldBe(2);
        score.Liquidity.ShouldBe(Scorer().LiquidityPoints(features.TurnoverPerHour, features.Spread));
        score.HigherTimeframe.ShouldBe(2);
        score.VolumePattern.ShouldBe(2); // 15 000 / 10 000 = 1.5 (full), closed at the high
        score.News.ShouldBe(2);
    }

    [Fact]
    public void Scorer_OutOfRangeSettings_ThrowNamingThem()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new SetupScorer(0, 0.002)).Message.ShouldContain("full-score turnover 0");
        Should.Throw<ArgumentOutOfRangeException>(() => new SetupScorer(1, 1.5)).Message.ShouldContain("max spread 1.5");
    }

    private static SetupScorer Scorer(INewsFlagSource? news = null) => new(1_000_000, 0.002, 1.5, news);

    private sealed class FixedNews(double severity) : INewsFlagSource
    {
        public double Severity(Symbol symbol, long timeMs) => severity;
    }
}
