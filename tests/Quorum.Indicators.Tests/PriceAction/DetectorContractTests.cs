using FsCheck;
using FsCheck.Fluent;
using Quorum.Indicators.PriceAction;
using Quorum.Indicators.Tests.Support;
using static Quorum.Indicators.Tests.PriceAction.TestBars;

namespace Quorum.Indicators.Tests.PriceAction;

/// <summary>What every detector promises: no look-ahead, reset, bad input rejected, no allocation per update.</summary>
public sealed class DetectorContractTests
{
    private static readonly Lazy<OhlcvPoint[]> Spy = new(() => Points(ReferenceTable.Load("spy_candle_patterns.txt").Bars()));

    [Theory]
    [MemberData(nameof(DetectorCases.Names), MemberType = typeof(DetectorCases))]
    public void NoLookAhead_OnRealSpyBars_WhatIsReportedUpToBarTIsTheSameWhetherLaterBarsExistOrNot(string name)
    {
        var bars = Spy.Value;
        var full = DetectorCases.Run(name, bars, bars.Length);
        full.Count.ShouldBeGreaterThan(0, $"{name} reports something on 500 SPY days, so the comparison is not empty");

        Prop.ForAll(Gen.Choose(1, bars.Length - 1).ToArbitrary(), t =>
        {
            var truncated = DetectorCases.Run(name, bars, t + 1);
            return truncated.SequenceEqual(full.Where(r => r.Bar <= t));
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [MemberData(nameof(DetectorCases.Names), MemberType = typeof(DetectorCases))]
    public void NoLookAhead_OnRandomWalks(string name)
    {
        var cases =
            from seed in Gen.Choose(0, 1_000_000)
            from length in Gen.Choose(30, 400)
            from cut in Gen.Choose(1, 100)
            select (seed, length, t: Math.Max(0, (length * cut / 100) - 1));

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var bars = RandomWalk(c.seed, c.length);
            var full = DetectorCases.Run(name, bars, bars.Length);
            var truncated = DetectorCases.Run(name, bars, c.t + 1);
            return truncated.SequenceEqual(full.Where(r => r.Bar <= c.t));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void ReportedItems_NeverReferToALaterBar_AndEventsAreReportedOnTheBarTheyName()
    {
        var bars = RandomWalk(7, 3_000);
        foreach (var name in DetectorCases.All.Keys)
        {
            foreach (var (bar, item) in DetectorCases.Run(name, bars, bars.Length))
            {
                // (latest bar the item depends on, bar it says it was reported at; null for state such as levels)
                (long Latest, long? ReportedAt) dependsOn = item switch
                {
                    SwingPoint s => (s.ConfirmedAtIndex, s.ConfirmedAtIndex),
                    Divergence d => (d.ConfirmedAtIndex, d.ConfirmedAtIndex),
                    PinBar p => (p.Index, p.Index),
                    Engulfing e => (e.Index, e.Index),
                    InsideBar i => (i.Index, i.Index),
                    PriceLevel l => (l.LastTouchIndex, null),
                    FairValueGapEvent f => (Math.Max(f.Index, f.Gap.Index), f.Index),
                    StructureBreak b => (Math.Max(b.Index, b.Broken.ConfirmedAtIndex), b.Index),
                    LiquiditySweep s => (Math.Max(s.Index, s.Level.ConfirmedAtIndex), s.Index),
                    _ => throw new Xunit.Sdk.XunitException($"{name}: unexpected item {item}"),
                };

                dependsOn.Latest.ShouldBeLessThanOrEqualTo(bar, $"{name} at bar {bar}: {item}");
                if (dependsOn.ReportedAt is { } reportedAt)
                {
                    reportedAt.ShouldBe(bar, $"{name}: {item}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(DetectorCases.Names), MemberType = typeof(DetectorCases))]
    public void Reset_ThenReplay_ReportsExactlyWhatAFreshDetectorReports(string name)
    {
        var bars = RandomWalk(11, 600);
        var (create, report) = DetectorCases.All[name];
        var detector = create();
        foreach (var bar in bars.Take(350))
        {
            detector.Update(bar);
        }

        detector.Reset();
        detector.Samples.ShouldBe(0);
        var replay = new List<(int, object)>();
        for (var i = 0; i < bars.Length; i++)
        {
            detector.Update(bars[i]);
            replay.AddRange(report(detector).Select(item => (i, item)));
        }

        replay.ShouldBe(DetectorCases.Run(name, bars, bars.Length));
    }

    [Theory]
    [MemberData(nameof(DetectorCases.Names), MemberType = typeof(DetectorCases))]
    public void NonFiniteField_IsRejectedNamingTheDetectorAndTheBar(string name)
    {
        foreach (var bad in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
        {
            var detector = DetectorCases.All[name].Create();
            detector.Update(Bar(0, 10, 11, 9, 10.5));
            var error = Should.Throw<ArgumentOutOfRangeException>(() => detector.Update(Bar(1, 10, bad, 9, 10.5)));

            error.Message.ShouldStartWith($"{detector.Name}: bar #2 at {Step} has a non-finite field");
            detector.Samples.ShouldBe(1, "a rejected bar is not counted");
        }
    }

    [Theory]
    [MemberData(nameof(DetectorCases.Names), MemberType = typeof(DetectorCases))]
    public void InconsistentBar_IsRejected(string name)
    {
        var detector = DetectorCases.All[name].Create();

        Should.Throw<ArgumentOutOfRangeException>(() => detector.Update(Bar(0, 10, 10.5, 9, 11)))
            .Message.ShouldContain($"{detector.Name}: bar #1 at 0 is inconsistent");
        Should.Throw<ArgumentOutOfRangeException>(() => detector.Update(Bar(0, 10, 9, 11, 10)))
            .Message.ShouldContain("a bar must satisfy low ≤ open ≤ high and low ≤ close ≤ high");
        detector.Samples.ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(DetectorCases.Names), MemberType = typeof(DetectorCases))]
    public void TimeNotIncreasing_IsRejected(string name)
    {
        var detector = DetectorCases.All[name].Create();
        detector.Update(Bar(5, 10, 11, 9, 10.5));

        Should.Throw<ArgumentOutOfRangeException>(() => detector.Update(Bar(5, 10, 11, 9, 10.5)))
            .Message.ShouldContain($"{detector.Name}: bar #2 at {5 * Step} is not after the previous bar at {5 * Step}; bars must be fed in increasing time order");
        Should.Throw<ArgumentOutOfRangeException>(() => detector.Update(Bar(4, 10, 11, 9, 10.5)));
        detector.Samples.ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(DetectorCases.Names), MemberType = typeof(DetectorCases))]
    public void Update_AfterWarmUp_AllocatesNothing(string name)
    {
        // The runtime itself may allocate on this thread now and then (tiered re-compilation, call-counting
        // stubs), so one window can show a few hundred stray bytes. A detector that allocates per update
        // allocates in every window; one that does not has at least one clean window out of five.
        const int window = 2_000;
        var bars = RandomWalk(3, window * 6);
        var detector = DetectorCases.All[name].Create();
        for (var i = 0; i < window; i++)
        {
            detector.Update(bars[i]);
        }

        var perWindow = new List<long>();
        for (var w = 1; w < 6; w++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = w * window; i < (w + 1) * window; i++)
            {
                detector.Update(bars[i]);
            }

            perWindow.Add(GC.GetAllocatedBytesForCurrentThread() - before);
        }

        perWindow.Min().ShouldBe(0, $"{name}: bytes allocated per window of 2 000 updates: {string.Join(", ", perWindow)}");
    }
}
