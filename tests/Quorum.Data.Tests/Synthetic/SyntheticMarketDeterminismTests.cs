using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Synthetic;

namespace Quorum.Data.Tests.Synthetic;

public sealed class SyntheticMarketDeterminismTests
{
    // GOLDEN VALUES. They were produced by this implementation (model version 1) and pin the
    // generator's output bit for bit, on every OS and CPU (the generator uses its own exp/log).
    // A failure here means the generated data changed: if that was intended, bump
    // SyntheticMarketGenerator.ModelVersion, update these values deliberately and say so in the
    // commit message, because stored demo datasets and golden backtests built on them change too.
    private const string DemoFingerprint = "6412e8b2d22e07b65a2159d6ca58f2816406fd9a220558c99b0252c6a5ea57cb";
    private const string SmallHourlyFingerprint = "5ff23c1dc33d89fc60e1a6e1d57a78b5eeeb318f92b8f0150f4e2226fc55f3f4";

    [Fact]
    public void Generate_WithSameOptions_GivesBitIdenticalMarkets()
    {
        var options = SyntheticSamples.Small(seed: 123, barCount: 2_000);

        var first = SyntheticSamples.Generate(options);
        var second = SyntheticSamples.Generate(options);

        second.ComputeFingerprint().ShouldBe(first.ComputeFingerprint());
        for (var i = 0; i < first.Series.Count; i++)
        {
            second.Series[i].Span.SequenceEqual(first.Series[i].Span).ShouldBeTrue();
        }

        second.Regimes.ShouldBe(first.Regimes);
        second.Jumps.ShouldBe(first.Jumps);
    }

    [Fact]
    public void Generate_WithDifferentSeeds_GivesDifferentMarkets()
    {
        var a = SyntheticSamples.Generate(SyntheticSamples.Small(seed: 1));
        var b = SyntheticSamples.Generate(SyntheticSamples.Small(seed: 2));

        b.ComputeFingerprint().ShouldNotBe(a.ComputeFingerprint());
        var differingCloses = 0;
        for (var k = 0; k < a.BarCount; k++)
        {
            differingCloses += a.Series[0][k].Close != b.Series[0][k].Close ? 1 : 0;
        }

        differingCloses.ShouldBeGreaterThan(a.BarCount * 9 / 10);
    }

    [Fact]
    public void Generate_DemoDataset_MatchesPinnedFingerprint()
    {
        SyntheticSamples.Demo.ComputeFingerprint().ShouldBe(DemoFingerprint);
    }

    [Fact]
    public void Generate_DemoDataset_MatchesPinnedFirstBars()
    {
        var demo = SyntheticSamples.Demo;

        // 2024-01-01 00:00, 00:05, 00:10 UTC.
        demo.GetSeries(DemoDataset.Btc).Span[..3].ToArray().ShouldBe(
        [
            new Bar(1_704_067_200_000, 40000.00m, 40013.46m, 39942.31m, 39952.70m, 96.47251m),
            new Bar(1_704_067_500_000, 39952.70m, 39957.59m, 39900.68m, 39914.67m, 84.54427m),
            new Bar(1_704_067_800_000, 39914.67m, 39931.59m, 39864.89m, 39881.74m, 62.71223m),
        ]);
        demo.GetSeries(DemoDataset.Sol)[0].ShouldBe(new Bar(1_704_067_200_000, 100.00m, 100.07m, 99.74m, 99.76m, 6745.889m));
        demo.Regimes[0].ShouldBe(SyntheticRegime.Range);
    }

    [Fact]
    public void Generate_SmallHourlyMarket_MatchesPinnedFingerprint()
    {
        var options = SyntheticSamples.Small(seed: 2024, barCount: 500) with { Timeframe = Timeframe.H1 };

        SyntheticSamples.Generate(options).ComputeFingerprint().ShouldBe(SmallHourlyFingerprint);
    }

    [Fact]
    public void Generate_WhenASymbolIsAppended_EarlierSymbolsAndRegimesAreUnchanged()
    {
        var options = SyntheticSamples.Small(seed: 99, barCount: 1_000);
        var extended = options with
        {
            Symbols = [.. options.Symbols, new SyntheticSymbolSpec(Symbol.Parse("SYNTH:XRPUSDT"), 0.5m, 0.0001m, 1_000_000m)],
            Correlation =
            [
                [1.00, 0.85, 0.75, 0.6],
                [0.85, 1.00, 0.78, 0.6],
                [0.75, 0.78, 1.00, 0.6],
                [0.60, 0.60, 0.60, 1.0],
            ],
        };

        var baseMarket = SyntheticSamples.Generate(options);
        var extendedMarket = SyntheticSamples.Generate(extended);

        for (var i = 0; i < options.Symbols.Count; i++)
        {
            extendedMarket.Series[i].Span.SequenceEqual(baseMarket.Series[i].Span).ShouldBeTrue($"symbol {i} changed");
        }

        extendedMarket.Regimes.ShouldBe(baseMarket.Regimes);
    }

    [Fact]
    public void ComputeFingerprint_IsLowerCaseSha256Hex()
    {
        var fingerprint = SyntheticSamples.Generate(SyntheticSamples.Small()).ComputeFingerprint();

        fingerprint.Length.ShouldBe(64);
        fingerprint.ShouldAllBe(c => char.IsAsciiDigit(c) || (c >= 'a' && c <= 'f'));
    }
}
