using System.Diagnostics;
using Quorum.Core.Time;
using Quorum.Data.Synthetic;

namespace Quorum.Data.Tests.Synthetic;

public sealed class DemoDatasetTests
{
    [Fact]
    public void Options_DescribeOneYearOfFiveMinuteBarsForThreeSyntheticCoins()
    {
        var options = DemoDataset.Options;

        options.Seed.ShouldBe(42);
        options.StartTimeMs.ShouldBe(DateTimeOffset.Parse("2024-01-01T00:00:00Z").ToUnixTimeMilliseconds());
        options.Timeframe.ShouldBe(Timeframe.M5);
        options.ResolveBarCount().ShouldBe(105_120);
        DemoDataset.BaseTimeframe.ShouldBe(Timeframe.M5);
        options.Symbols.Select(s => s.Symbol.ToString()).ShouldBe(["SYNTH:BTCUSDT", "SYNTH:ETHUSDT", "SYNTH:SOLUSDT"]);
        DemoDataset.Symbols.ShouldBe(options.Symbols.Select(s => s.Symbol));
        options.AllowNonSyntheticVenue.ShouldBeFalse();
    }

    [Fact]
    public void DerivedTimeframes_CanAllBeResampledFromTheBaseTimeframe()
    {
        DemoDataset.DerivedTimeframes.ShouldBe([Timeframe.M15, Timeframe.H1, Timeframe.H4, Timeframe.D1]);
        DemoDataset.DerivedTimeframes.ShouldAllBe(t => t.IsMultipleOf(DemoDataset.BaseTimeframe));
    }

    [Fact]
    public void Description_SaysTheDataIsSynthetic()
    {
        DemoDataset.Description.ShouldContain("SYNTHETIC");
        DemoDataset.Description.ShouldContain("not real market data");
    }

    [Fact]
    public void Generate_Demo_TakesAtMostAFewSeconds()
    {
        // Warm up the JIT on a small market, then time the full demo (3 × 105,120 bars).
        SyntheticSamples.Generate(SyntheticSamples.Small(barCount: 2_000));
        var stopwatch = Stopwatch.StartNew();

        var market = SyntheticSamples.Generate(DemoDataset.Options);

        stopwatch.Stop();
        market.BarCount.ShouldBe(DemoDataset.BarCount);
        // About 0.3 s in Release and 0.7 s in Debug on one core; the margin absorbs a busy CI machine.
        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Generate_Demo_ContainsEveryRegimeAndSomeJumps()
    {
        var demo = SyntheticSamples.Demo;

        Enum.GetValues<SyntheticRegime>().ShouldAllBe(regime => demo.Regimes.Contains(regime));
        demo.Jumps.Count.ShouldBeGreaterThan(5);
        foreach (var series in demo.Series)
        {
            series.Memory.ToArray().ShouldAllBe(b => b.IsSane);
        }
    }
}
