using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Synthetic;

namespace Quorum.Data.Tests.Synthetic;

public sealed class SyntheticPerpetualTests
{
    private static readonly Symbol Spot = Symbol.Parse("SYNTH:BTCUSDT");

    private static BarSeries SpotSeries(int count) =>
        new(Spot, Timeframe.M5, [.. Enumerable.Range(0, count).Select(i => new Bar(Start + (i * Timeframe.M5.Milliseconds), 100m + i, 101m + i, 99m + i, 100.5m + i, 3m))]);

    /// <summary>2024-01-01 00:00 UTC (a funding time).</summary>
    private const long Start = 1_704_067_200_000;

    [Fact]
    public void Derive_IsDeterministicValidAndClosesToSpotWithinTheBound()
    {
        var spot = SyntheticMarketGenerator.Generate(SyntheticSamples.Small(seed: 3, barCount: 3_000), cancellationToken: TestContext.Current.CancellationToken).Series[0];

        var perp = SyntheticPerpetual.Derive(spot, 11);

        perp.Symbol.ToString().ShouldBe($"{spot.Symbol}.P");
        perp.Span.ToArray().ShouldBe(SyntheticPerpetual.Derive(spot, 11).Span.ToArray());
        perp.Span.ToArray().ShouldNotBe(SyntheticPerpetual.Derive(spot, 12).Span.ToArray());
        for (var i = 0; i < perp.Count; i++)
        {
            var (p, s) = (perp[i], spot[i]);
            p.OpenTimeMs.ShouldBe(s.OpenTimeMs);
            p.Volume.ShouldBe(s.Volume);
            p.High.ShouldBeGreaterThanOrEqualTo(Math.Max(p.Open, p.Close));
            p.Low.ShouldBeLessThanOrEqualTo(Math.Min(p.Open, p.Close));
            Math.Abs((double)((p.Close / s.Close) - 1m)).ShouldBeLessThanOrEqualTo(SyntheticPerpetual.MaxPremium + 0.0001);
        }
    }

    [Fact]
    public void Derive_OfAPerpetual_Throws() =>
        Should.Throw<ArgumentException>(() => SyntheticPerpetual.Derive(new BarSeries(SyntheticPerpetual.PerpetualOf(Spot), Timeframe.M5, []), 1))
            .Message.ShouldStartWith("SYNTH:BTCUSDT.P is already a perpetual");

    [Theory]
    [InlineData("0.0001", "0.0001")]      // premium at the interest rate: F = P
    [InlineData("0", "0.0001")]           // F = 0 + clamp(0.0001, ±0.0005)
    [InlineData("0.001", "0.0005")]       // F = 0.001 + clamp(−0.0009 → −0.0005)
    [InlineData("-0.002", "-0.0015")]     // F = −0.002 + clamp(0.0021 → 0.0005)
    [InlineData("0.02", "0.0075")]        // capped at +0.75 %
    [InlineData("-0.02", "-0.0075")]      // capped at −0.75 %
    public void Rate_FollowsTheBinanceFormula(string premium, string expected) =>
        SyntheticPerpetual.Rate(decimal.Parse(premium, System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Funding_IsTheMeanPremiumOfEachWholeEightHourInterval()
    {
        // 5m bars from 00:00 for 20 h: funding at 08:00 and 16:00 (the 96 closes of each interval), not at 00:00.
        // The perp closes 0.2 % above spot in the first interval and 0.05 % above in the second:
        // F(08:00) = 0.002 + clamp(0.0001 − 0.002) = 0.0015; F(16:00) = 0.0005 + clamp(−0.0004) = 0.0001.
        var spot = SpotSeries(240);
        var perp = new BarSeries(SyntheticPerpetual.PerpetualOf(Spot), Timeframe.M5, [.. spot.Span.ToArray().Select((b, i) =>
            b with { Close = b.Close * (i < 96 ? 1.002m : 1.0005m) })]);

        var funding = SyntheticPerpetual.Funding(perp, spot);

        funding.Select(f => f.FundingTimeMs).ShouldBe([Start + (8 * Timeframe.HourMs), Start + (16 * Timeframe.HourMs)]);
        funding.Select(f => f.Rate).ShouldBe([0.0015m, 0.0001m]);
        funding.ShouldAllBe(f => f.Symbol == perp.Symbol);
    }

    [Fact]
    public void Funding_WhenTheDataStartsInsideAnInterval_SkipsThatInterval()
    {
        // First bar at 01:00: the 08:00 interval is incomplete, so the first rate is at 16:00.
        var spot = new BarSeries(Spot, Timeframe.M5, [.. SpotSeries(240).Span.ToArray().Select(b => b with { OpenTimeMs = b.OpenTimeMs + Timeframe.HourMs })]);
        var perp = SyntheticPerpetual.Derive(spot, 5);

        SyntheticPerpetual.Funding(perp, spot).Select(f => f.FundingTimeMs).ShouldBe([Start + (16 * Timeframe.HourMs)]);
    }
}
