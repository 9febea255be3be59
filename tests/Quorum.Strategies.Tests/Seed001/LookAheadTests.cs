using Quorum.Core.Instruments;
using Quorum.Core.Time;
using static Quorum.Strategies.Tests.Seed001.Seed001Data;

namespace Quorum.Strategies.Tests.Seed001;

public sealed class LookAheadTests
{
    private readonly ITestOutputHelper _output = TestContext.Current.TestOutputHelper!;

    [Fact]
    public void Breakout4h_OnBtcPerpetual1h_SignalsOnTruncatedDataEqualTheFullRun()
    {
        var bars = PerpBars("BTCUSDT", "1h");
        var count = StrategyHarness.AssertNoLookAhead(
            () => Create("breakout_4h", BtcPerp, Timeframe.H1), BtcPerp, Timeframe.H1, bars, [bars.Length / 3, (bars.Length / 2) + 7, bars.Length - 1001]);
        _output.WriteLine($"breakout_4h signals: {count}");
        count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void VolExp15m_OnBtcSpot5m_SignalsOnTruncatedDataEqualTheFullRun()
    {
        var bars = SpotBars("BTC", "5m");
        var count = StrategyHarness.AssertNoLookAhead(
            () => Create("vol_exp_15m", BtcSpot, Timeframe.M5), BtcSpot, Timeframe.M5, bars, [bars.Length / 3, (bars.Length / 2) + 5]);
        _output.WriteLine($"vol_exp_15m signals: {count}");
        count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void RangeRev5m_OnBtcSpot5m_SignalsOnTruncatedDataEqualTheFullRun()
    {
        var bars = SpotBars("BTC", "5m");
        var count = StrategyHarness.AssertNoLookAhead(
            () => Create("range_rev_5m", BtcSpot, Timeframe.M5), BtcSpot, Timeframe.M5, bars, [bars.Length / 3, (bars.Length / 2) + 5]);
        _output.WriteLine($"range_rev_5m signals: {count}");
        count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void FundingRev_OnBtcPerpetualSpotAndFunding_SignalsOnTruncatedDataEqualTheFullRun()
    {
        var spot = SpotBars("BTC", "1h");
        var first = spot[0].OpenTimeMs;
        var last = spot[^1].OpenTimeMs;
        var perp = PerpBars("BTCUSDT", "1h").Where(b => b.OpenTimeMs >= first && b.OpenTimeMs <= last).ToArray();
        var funding = BtcFunding().Where(f => f.FundingTimeMs >= first && f.FundingTimeMs <= last + Timeframe.HourMs).ToArray();
        FeedStream[] streams =
        [
            new(BtcPerp, Timeframe.H1, perp),
            new(BtcSpot, Timeframe.H1, spot),
            new(BtcPerp, Timeframe.H4, Resample(BtcPerp, Timeframe.H1, perp, Timeframe.H4)),
        ];

        var full = Run(Create("funding_rev", BtcPerp, Timeframe.H1), streams, funding);
        _output.WriteLine($"funding_rev signals: {full.Count} ({full.Count(s => s.Side == Core.Trading.PositionSide.Short)} short)");
        full.Count.ShouldBeGreaterThan(0);
        foreach (var cut in new[] { perp[perp.Length / 3].OpenTimeMs, perp[(perp.Length * 2) / 3].OpenTimeMs + (Timeframe.HourMs / 2) })
        {
            var truncated = Run(Create("funding_rev", BtcPerp, Timeframe.H1), streams, funding, cut);
            truncated.ShouldBe(full.Where(s => s.CreatedAtMs <= cut).ToList());
        }
    }

    private static IStrategy Create(string name, Symbol symbol, Timeframe timeframe) =>
        StrategyRegistry.BuiltIn.Create(name, (IEnumerable<string>?)null, new StrategyUniverse([symbol], timeframe));
}
