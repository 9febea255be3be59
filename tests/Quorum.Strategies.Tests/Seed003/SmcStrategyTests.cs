using System.Globalization;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using static Quorum.Strategies.Tests.StrategyHarness;

namespace Quorum.Strategies.Tests.Seed003;

public sealed class SmcStrategyTests
{
    // Swings of 1 bar each side and a 3-bar volume baseline: WarmUpBars = max(3 + 1, 2 × 1 + 2) = 4 per timeframe.
    // Each timeframe is fed directly (the strategy only needs each stream in time order):
    // - 1D and 4H: a swing high at 98 confirmed, then a close at 99.5 breaks it → bullish structure.
    // - 1H: bars 0..2 leave a bullish fair-value gap [100, 101] (bar 0 high 100 < bar 2 low 101); bar 3 stays above it.
    // - 15M: a swing high 102.6 (bar 1), a swing low 101.2 (bar 3), then bar 5 closes at 102.9 (volume 200 vs a mean of
    //   100) → bullish break of structure. The gap's top is 102.9 − 101 = 1.9 below the close (≤ 2 % × 102.9 = 2.058).
    //   Stop at structure: min(15M swing low 101.2, gap bottom 100) = 100, less 0.1 % = 99.9; risk 3.0; no 1H swing high
    //   above the close, so the target is 2R = 108.9.
    private static readonly string[] Small = ["swing_bars=1", "volume_period=3"];

    private static readonly Bar[] BullishStructure =
    [
        B(0, 95m, 96m, 94m, 95.5m),
        B(1, 95.5m, 98m, 95m, 97m),
        B(2, 97m, 97.5m, 96m, 96.5m),
        B(3, 96.5m, 100m, 96.2m, 99.5m),
    ];

    private static readonly Bar[] GapHour =
    [
        B(0, 99m, 100m, 98m, 99.5m),
        B(1, 99.5m, 103m, 99.5m, 102.5m),
        B(2, 102.5m, 103.5m, 101m, 103m),
        B(3, 103m, 104m, 102m, 102.5m),
    ];

    [Fact]
    public void OnBar_StructureGapAndBreakWithVolume_EntersLongWithStopAtStructureAndTwoR()
    {
        var signals = Scenario().Run(Small);

        signals.Count.ShouldBe(1);
        var signal = signals[0];
        signal.Side.ShouldBe(PositionSide.Long);
        StrategySignals.IntentOf(signal).ShouldBe(SignalIntent.Entry);
        signal.Entry.ShouldBe(102.9m);
        signal.Timeframe.ShouldBe(Timeframe.M15);
        signal.CreatedAtMs.ShouldBe(Start + (6 * Timeframe.M15.Milliseconds));
        signal.Exits!.StopPrice.ShouldBe(99.9m);
        signal.Exits.TakeProfits.ShouldBe([new TakeProfitAtR(2m, 1m)]);
        signal.Metadata["smc_poi"].ShouldBe("fvg");
        signal.Confidence.ShouldBe(0.7, 1e-12); // 0.5 + 0.1 (gap) + 0.1 (1D agrees)
    }

    [Fact]
    public void OnBar_MirroredScenario_EntersShortWithTheStopAbove()
    {
        var signals = Scenario().Mirrored().Run(Small);

        signals.Count.ShouldBe(1);
        signals[0].Side.ShouldBe(PositionSide.Short);
        signals[0].Entry.ShouldBe(297.1m);
        signals[0].Exits!.StopPrice.ShouldBe(300.3m); // gap top 300 + 0.1 %
    }

    [Theory]
    [InlineData(150.0, 0)] // 1.5 × the mean: not above
    [InlineData(150.01, 1)]
    public void OnBar_VolumeFilter_EdgeOfTheMultiplier(double volume, int expected)
    {
        Scenario(breakVolume: (decimal)volume).Run(Small).Count.ShouldBe(expected);
    }

    [Fact]
    public void OnBar_FourHourStructureBearish_DoesNotGoLong()
    {
        Scenario(structure: Mirror(BullishStructure)).Run(Small).ShouldBeEmpty();
    }

    [Fact]
    public void OnBar_DailyStructureBearish_DoesNotGoLong_ButNeutralIsAllowed()
    {
        Scenario(macro: Mirror(BullishStructure)).Run(Small).ShouldBeEmpty();

        var neutral = Scenario(macro: [.. BullishStructure[..3], B(3, 96.5m, 97.8m, 96.2m, 97.5m)]).Run(Small);
        neutral.Count.ShouldBe(1);
        neutral[0].Confidence.ShouldBe(0.6, 1e-12); // no 1D agreement bonus
    }

    [Fact]
    public void OnBar_EntryDistance_EdgeOfThePercentage()
    {
        var percent = (102.9 - 101.0) / 102.9 * 100.0;

        Scenario().Run([.. Small, $"max_entry_distance_pct={F(percent * (1 + 1e-9))}"]).Count.ShouldBe(1);
        Scenario().Run([.. Small, $"max_entry_distance_pct={F(percent * (1 - 1e-9))}"]).ShouldBeEmpty();
    }

    [Fact]
    public void OnBar_OneHourLiquidityAbove_IsTheTargetWhenItPaysAtLeastMinRr()
    {
        // 1H bar 2 reaches 110 (bar 3 only 104): a swing high at 110 confirmed → target 110, R:R = 7.1 / 3.0.
        Bar[] work = [GapHour[0], GapHour[1], B(2, 102.5m, 110m, 101m, 103m), GapHour[3]];
        var rr = (110.0 - 102.9) / (102.9 - (100.0 * (1.0 - (0.1 / 100.0))));

        var signals = Scenario(work: work).Run(Small);
        signals.Count.ShouldBe(1);
        ((double)signals[0].Metadata["smc_rr"]).ShouldBe(rr);
        ((double)signals[0].Metadata["smc_target"]).ShouldBe(110.0);
        signals[0].Exits!.TakeProfits[0].AtR.ShouldBe((decimal)rr);

        Scenario(work: work).Run([.. Small, $"min_rr={F(rr)}"]).Count.ShouldBe(1);
        Scenario(work: work).Run([.. Small, $"min_rr={F(rr * (1 + 1e-9))}"]).ShouldBeEmpty();
    }

    [Fact]
    public void OnBar_OneHourLiquidityTooClose_FailsTheRewardRisk()
    {
        // A 1H swing high at 104.5: R:R = 1.6 / 3.0 < 2.
        Bar[] work = [GapHour[0], GapHour[1], B(2, 102.5m, 104.5m, 101m, 103m), GapHour[3]];

        Scenario(work: work).Run(Small).ShouldBeEmpty();
    }

    [Fact]
    public void OnBar_LiquiditySweepOfAnHourlyLow_IsAPointOfInterest()
    {
        // 1H: swing low 101.5 (bar 1) confirmed at bar 2; bar 3 wicks to 101.0 and closes 102.4 → bullish sweep. No gap.
        // Stop: min(15M swing low 101.2, sweep extreme 101.0) − 0.1 % = 100.899.
        var signals = Scenario(work: SweepHour()).Run(Small);

        signals.Count.ShouldBe(1);
        signals[0].Metadata["smc_poi"].ShouldBe("sweep");
        signals[0].Exits!.StopPrice.ShouldBe(100.899m);
    }

    [Fact]
    public void OnBar_ALaterSweepOfTheOtherSide_DoesNotHideTheBullishSweep()
    {
        // After the bullish sweep (bar 3), bar 4 wicks above the 1H swing high 102.9 and closes back below: a bearish sweep.
        Bar[] work = [.. SweepHour(), B(4, 102.4m, 103.0m, 102.2m, 102.5m), B(5, 102.5m, 103.1m, 102.3m, 102.8m)];

        var signals = Scenario(work: work).Run(Small);

        signals.Count.ShouldBe(1);
        signals[0].Metadata["smc_poi"].ShouldBe("sweep");
    }

    [Fact]
    public void OnBar_SweepOlderThanItsAge_NoLongerCounts()
    {
        // Two more 1H bars after the sweep: age 2.
        Bar[] work = [.. SweepHour(), B(4, 102.4m, 102.7m, 102.1m, 102.5m), B(5, 102.5m, 102.8m, 102.2m, 102.6m)];

        Scenario(work: work).Run([.. Small, "sweep_max_age=2"]).Count.ShouldBe(1);
        Scenario(work: work).Run([.. Small, "sweep_max_age=1"]).ShouldBeEmpty();
    }

    [Fact]
    public void OnBar_ThrottledAnalysis_DefersABreakToTheNextAnalysisWithoutLosingIt()
    {
        // The break at 15M bar 5 has only average volume: analysed (at 90 min) and rejected. A second break at bar 8
        // (close at 135 min, volume 3× the mean) is analysed at once every 5 minutes, but with analysis every 60 minutes
        // it waits for the bar closing at 150 min (bar 9).
        Bar[] entry =
        [
            .. Entry(breakVolume: 100m),
            M(6, 102.9m, 103.2m, 102.5m, 102.7m, 100m),
            M(7, 102.7m, 102.8m, 102.3m, 102.5m, 100m),
            M(8, 102.5m, 103.5m, 102.4m, 103.4m, 300m),
            M(9, 103.4m, 103.6m, 103.2m, 103.5m, 100m),
        ];
        var scenario = Scenario(entry: entry);

        var every5 = scenario.Run([.. Small, "max_entry_distance_pct=3"]);
        var every60 = scenario.Run([.. Small, "max_entry_distance_pct=3", "analysis_minutes=60"]);

        every5.Count.ShouldBe(1);
        every5[0].CreatedAtMs.ShouldBe(Start + (9 * Timeframe.M15.Milliseconds));
        every5[0].Entry.ShouldBe(103.4m);
        every60.Count.ShouldBe(1);
        every60[0].CreatedAtMs.ShouldBe(Start + (10 * Timeframe.M15.Milliseconds));
        every60[0].Entry.ShouldBe(103.5m);
        ((double)every60[0].Metadata["volume_ratio"]).ShouldBe(3.0); // the break bar's volume
    }

    [Fact]
    public void OnBar_BeforeEveryTimeframeIsWarm_EmitsNothing()
    {
        var strategy = Create("smc", Timeframe.M15, Small);
        strategy.WarmUpBars.ShouldBe(4);

        Scenario(macro: BullishStructure[..3]).Run(Small).ShouldBeEmpty();
        Scenario(entry: Entry(breakVolume: 200m)[..5]).Run(Small).ShouldBeEmpty();
    }

    [Fact]
    public void Descriptor_DeclaresTheFourTimeframesLowestFirst()
    {
        var descriptor = StrategyRegistry.BuiltIn.Get("smc");

        descriptor.Timeframes.ShouldBe([Timeframe.M15, Timeframe.H1, Timeframe.H4, Timeframe.D1]);
        descriptor.Origin.ShouldBe("seed 003");
        Create("smc", Timeframe.M15).Subscriptions.Select(s => s.Timeframe).ShouldBe([Timeframe.M15, Timeframe.H1, Timeframe.H4, Timeframe.D1]);
    }

    [Fact]
    public void Signals_OnRealData_HaveNoLookAhead()
    {
        var bars = RealData.Spot5m("BTC_USDT", 40_000); // 2020-12 onward, about 139 days of 5m bars

        var count = AssertNoLookAhead(() => Create("smc", Timeframe.M15), Btc, Timeframe.M5, bars, [10_000, 25_000, 39_999]);

        count.ShouldBeGreaterThan(0);
    }

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static Bar[] SweepHour() =>
    [
        B(0, 103m, 103.5m, 102m, 102.5m),
        B(1, 102.5m, 102.8m, 101.5m, 102.2m),
        B(2, 102.2m, 102.9m, 101.8m, 102.6m),
        B(3, 102.6m, 102.8m, 101.0m, 102.4m),
    ];

    private static Bar[] Entry(decimal breakVolume) =>
    [
        M(0, 102m, 102.5m, 101.5m, 102m, 100m),
        M(1, 102m, 102.6m, 101.8m, 102.2m, 100m),
        M(2, 102.2m, 102.4m, 101.6m, 101.8m, 100m),
        M(3, 101.8m, 102.0m, 101.2m, 101.5m, 100m),
        M(4, 101.5m, 102.3m, 101.4m, 102.2m, 100m),
        M(5, 102.2m, 103m, 102.1m, 102.9m, breakVolume),
    ];

    private static Setup Scenario(Bar[]? macro = null, Bar[]? structure = null, Bar[]? work = null, Bar[]? entry = null, decimal breakVolume = 200m) =>
        new(macro ?? BullishStructure, structure ?? BullishStructure, work ?? GapHour, entry ?? Entry(breakVolume));

    /// <summary>A bar of index <paramref name="i"/> with volume 100 (its time is set per timeframe by <see cref="Setup"/>).</summary>
    private static Bar B(int i, decimal open, decimal high, decimal low, decimal close) => new(i, open, high, low, close, 100m);

    private static Bar M(int i, decimal open, decimal high, decimal low, decimal close, decimal volume) => new(i, open, high, low, close, volume);

    private static Bar[] Mirror(Bar[] bars) =>
        [.. bars.Select(b => b with { Open = 400m - b.Open, High = 400m - b.Low, Low = 400m - b.High, Close = 400m - b.Close })];

    /// <summary>Bars per timeframe (OpenTimeMs holds the bar's index); fed 1D, 4H, 1H, then 15M, each ending where the 15M bars start.</summary>
    private sealed record Setup(Bar[] Macro, Bar[] Structure, Bar[] Work, Bar[] Entry)
    {
        public Setup Mirrored() => new(Mirror(Macro), Mirror(Structure), Mirror(Work), Mirror(Entry));

        public List<Signal> Run(string[] assignments)
        {
            var strategy = Create("smc", Timeframe.M15, assignments);
            var sink = new SignalList();
            Feed(strategy, sink, Timeframe.D1, Macro);
            Feed(strategy, sink, Timeframe.H4, Structure);
            Feed(strategy, sink, Timeframe.H1, Work);
            foreach (var bar in Entry)
            {
                strategy.OnBar(Btc, Timeframe.M15, bar with { OpenTimeMs = Start + (bar.OpenTimeMs * Timeframe.M15.Milliseconds) }, sink);
            }

            return sink.Signals;
        }

        private static void Feed(IStrategy strategy, ISignalSink sink, Timeframe timeframe, Bar[] bars)
        {
            foreach (var bar in bars)
            {
                var time = Start - ((bars.Length - bar.OpenTimeMs) * timeframe.Milliseconds);
                strategy.OnBar(Btc, timeframe, bar with { OpenTimeMs = time }, sink);
            }
        }
    }
}
