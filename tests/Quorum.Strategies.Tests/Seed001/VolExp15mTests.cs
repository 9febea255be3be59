using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Indicators;
using Quorum.Strategies.Tests.Regimes;
using static Quorum.Strategies.Tests.StrategyHarness;

namespace Quorum.Strategies.Tests.Seed001;

public sealed class VolExp15mTests
{
    // 1500 quiet 5m bars (a 100 ↔ 101 zigzag, volume 1000: 500 15m bars of volume 3000, past the 270-bar warm-up),
    // then one 15m bar (three 5m bars) that expands.
    private const int Quiet = 1500;

    private static readonly long ExpansionClose = Start + ((Quiet + 3) * Timeframe.M5.Milliseconds);

    [Fact]
    public void UpwardExpansion_OfAtrPercentAndVolume_EntersLongWithTheSeedsExits()
    {
        var signals = Run(Expansion([102, 104, 106], volume: 2000));

        var signal = signals.ShouldHaveSingleItem();
        signal.Side.ShouldBe(PositionSide.Long);
        signal.Timeframe.ShouldBe(Timeframe.M15);
        signal.CreatedAtMs.ShouldBe(ExpansionClose);
        signal.Entry.ShouldBe(106m);
        ((double)signal.Metadata["atr_percent"]).ShouldBeGreaterThan((double)signal.Metadata["atr_percent_quantile"]);
        ((double)signal.Metadata["setup_score"]).ShouldBeGreaterThanOrEqualTo(7);
        signal.Exits!.Trail.ShouldBe(TrailSpec.Atr(1.5m));
        signal.Exits.TimeStopMs.ShouldBe(150 * Timeframe.MinuteMs);
        signal.Exits.StopPrice!.Value.ShouldBeLessThan(106m);
        signal.Exits.TakeProfits.ShouldBeEmpty();
    }

    [Fact]
    public void DownwardExpansion_GoesShort_UnlessShortsAreOff()
    {
        Run(Expansion([99, 97.5, 96], volume: 2000)).ShouldHaveSingleItem().Side.ShouldBe(PositionSide.Short);
        Run(Expansion([99, 97.5, 96], volume: 2000), "shorts=0").ShouldBeEmpty();
    }

    [Theory]
    [InlineData(1000, false)] // 15m volume 3000: equal to its 0.8 quantile, not above it
    [InlineData(1000.001, true)]
    public void Volume_MustBeStrictlyAboveItsQuantile(double volume, bool signals)
    {
        Run(Expansion([102, 104, 106], volume)).Count.ShouldBe(signals ? 1 : 0);
    }

    [Fact]
    public void VolumeWithoutAWiderRange_IsNoExpansion()
    {
        Run(Expansion([101, 100, 101], volume: 5000)).ShouldBeEmpty();
    }

    [Fact]
    public void DuringWarmUp_NoSignal()
    {
        // 600 5m bars = 200 15m bars, below the regime classifier's 270.
        var bars = RegimeSeries.Zigzag(600, timeframe: Timeframe.M5);
        RegimeSeries.Append(bars, 3, i => 102 + (2 * i), Timeframe.M5, 3000);

        Run(bars).ShouldBeEmpty();
    }

    [Fact]
    public void TimeStop_OutsideTheSeedsTwoToThreeHours_IsRefused()
    {
        Should.Throw<ArgumentException>(() => Create("time_stop_minutes=181")).Message.ShouldContain("time_stop_minutes = 181 is out of range (integer 120 ≤ x ≤ 180)");
    }

    private static List<OhlcvPoint> Expansion(double[] closes, double volume)
    {
        var bars = RegimeSeries.Zigzag(Quiet, timeframe: Timeframe.M5);
        RegimeSeries.Append(bars, closes.Length, i => closes[i], Timeframe.M5, volume);
        return bars;
    }

    private static List<Signal> Run(List<OhlcvPoint> bars, params string[] assignments) =>
        RunResampled(Create(assignments), Btc, Timeframe.M5, Seed001Bars.ToBars(bars));

    private static IStrategy Create(params string[] assignments) =>
        StrategyRegistry.BuiltIn.Create("vol_exp_15m", assignments.Concat(["turnover_full=1", "max_spread_bps=2000"]), new StrategyUniverse([Btc], Timeframe.M5));
}
