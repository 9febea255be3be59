using System.Globalization;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Indicators;
using Quorum.Strategies.Tests.Regimes;
using static Quorum.Strategies.Tests.StrategyHarness;

namespace Quorum.Strategies.Tests.Seed001;

public sealed class Breakout4hTests
{
    private const int Hours = 1600; // 400 4h bars, past the 270-bar warm-up

    [Fact]
    public void RisingMarket_EntersLongOnDonchianBreakouts_On4hWithTheSeedsExits()
    {
        var signals = Run(Wave(0.0008));

        signals.ShouldNotBeEmpty();
        foreach (var signal in signals)
        {
            signal.Side.ShouldBe(PositionSide.Long);
            signal.Timeframe.ShouldBe(Timeframe.H4);
            ((double)signal.Entry!.Value).ShouldBeGreaterThan((double)signal.Metadata["donchian_level"]);
            ((double)signal.Metadata["adx"]).ShouldBeGreaterThan(20);
            ((double)signal.Metadata["setup_score"]).ShouldBeGreaterThanOrEqualTo(7);
            signal.Exits!.TakeProfits.ShouldBe([new TakeProfitAtR(1m, 0.25m), new TakeProfitAtR(2m, 0.25m)]);
            signal.Exits.Trail.ShouldBe(TrailSpec.Atr(2m));
            signal.Exits.TimeStopMs.ShouldBe(30 * Timeframe.H4.Milliseconds);
            signal.Exits.StopPrice!.Value.ShouldBeLessThan(signal.Entry.Value);
        }
    }

    [Fact]
    public void FallingMarket_GoesShort_UnlessShortsAreOff()
    {
        var signals = Run(Wave(-0.0008));

        signals.ShouldNotBeEmpty();
        signals.ShouldAllBe(s => s.Side == PositionSide.Short && s.Exits!.StopPrice > s.Entry);
        Run(Wave(-0.0008), "shorts=0").ShouldBeEmpty();
    }

    [Fact]
    public void Range_WithoutTrendOrBreakouts_NeverEnters()
    {
        Run(RegimeSeries.Zigzag(Hours)).ShouldBeEmpty();
    }

    [Fact]
    public void NoSignal_BeforeTheWarmUp_Of270FourHourBars()
    {
        var strategy = Create();
        var first = Run(Wave(0.0008))[0];

        strategy.WarmUpBars.ShouldBe(270); // the regime classifier's (HV quantile: 21 + 249)
        ((first.CreatedAtMs - Start) / Timeframe.H4.Milliseconds).ShouldBeGreaterThanOrEqualTo(270);
    }

    [Fact]
    public void Without1hConfirmation_NeverEnters()
    {
        // The same market fed as 4h bars only: the 1h EMA never confirms.
        var fourHour = Seed001Data.Resample(Btc, Timeframe.H1, Seed001Bars.ToBars(Wave(0.0008)), Timeframe.H4);

        StrategyHarness.Run(Create(), Btc, Timeframe.H4, fourHour).ShouldBeEmpty();
    }

    [Fact]
    public void AdxThreshold_IsStrict()
    {
        var first = Run(Wave(0.0008))[0];
        var adx = ((double)first.Metadata["adx"]).ToString("R", CultureInfo.InvariantCulture);
        var below = ((double)first.Metadata["adx"] - 1e-9).ToString("R", CultureInfo.InvariantCulture);

        Run(Wave(0.0008), $"adx_min={adx}").ShouldNotContain(s => s.CreatedAtMs == first.CreatedAtMs);
        Run(Wave(0.0008), $"adx_min={below}").ShouldContain(s => s.CreatedAtMs == first.CreatedAtMs);
    }

    [Theory]
    [InlineData(0.0, false)] // a 4h close equal to the previous 20 bars' high is no breakout
    [InlineData(1e-6, true)]
    public void DonchianBreakout_MustCloseStrictlyAboveTheChannel(double above, bool signals)
    {
        // Cut the market at the first breakout's 4h close and move that bar's last 1h close onto the channel high.
        var first = Run(Wave(0.0008))[0];
        var level = (double)first.Metadata["donchian_level"];
        var bars = Wave(0.0008).Where(b => b.TimeMs < first.CreatedAtMs).ToList();
        var last = bars[^1];
        var close = level + above;
        bars[^1] = last with { Close = close, High = Math.Max(last.High, close), Low = Math.Min(last.Low, close) };

        Run(bars).Any(s => s.CreatedAtMs == first.CreatedAtMs).ShouldBe(signals);
    }

    [Fact]
    public void Create_WithTheEntryChannelNotBelowTheTrendChannel_Throws()
    {
        Should.Throw<ArgumentException>(() => Create("donchian_entry=55")).Message.ShouldContain("donchian_entry = 55 must be below donchian_trend = 55");
    }

    private static List<OhlcvPoint> Wave(double rate, int hours = Hours)
    {
        var bars = new List<OhlcvPoint>();
        RegimeSeries.Append(bars, hours, i => 100 * Math.Pow(1 + rate, i) * (1 + (0.04 * Math.Sin(2 * Math.PI * i / 60))));
        return bars;
    }

    private static List<Signal> Run(List<OhlcvPoint> bars, params string[] assignments) =>
        RunResampled(Create(assignments), Btc, Timeframe.H1, Seed001Bars.ToBars(bars));

    private static IStrategy Create(params string[] assignments) =>
        StrategyRegistry.BuiltIn.Create("breakout_4h", assignments.Concat(["turnover_full=1", "max_spread_bps=2000"]), new StrategyUniverse([Btc], Timeframe.H1));
}
