using System.Globalization;
using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Strategies.Seed001;
using Quorum.Strategies.Tests.Regimes;
using static Quorum.Strategies.Tests.Seed001.Seed001Data;

namespace Quorum.Strategies.Tests.Seed001;

public sealed class FundingRevTests
{
    private const int Hours = 400;

    // The perpetual zigzags 100 ↔ 101 (range_lowvol once warm); spot trades 0.2 % cheaper: basis = 0.002.
    private static readonly Bar[] Perp = Seed001Bars.ToBars(RegimeSeries.Zigzag(Hours));
    private static readonly Bar[] Spot = Seed001Bars.ToBars(RegimeSeries.Zigzag(Hours), 1 / 1.002);

    /// <summary>Funding 15 ms after the close of 1h bar 349 (the data's jitter): decided on bar 350, which closes at hour 351.</summary>
    private static readonly long FundingAt = StrategyHarness.Start + (350 * Timeframe.HourMs) + 15;

    private static readonly long DecisionClose = StrategyHarness.Start + (351 * Timeframe.HourMs);

    [Fact]
    public void Subscriptions_AreThePerpetual1hAnd4hAndItsSpot1hAsContext()
    {
        var strategy = Create();

        strategy.Subscriptions.ShouldBe([
            new StrategySubscription(BtcPerp, Timeframe.H1),
            new StrategySubscription(BtcPerp, Timeframe.H4),
            new StrategySubscription(BtcSpot, Timeframe.H1),
        ]);
        FundingRev.SpotOf(Symbol.Parse("BYBIT:ETHUSDT.P")).ShouldBe(Symbol.Parse("BYBIT:ETHUSDT"));
    }

    [Fact]
    public void ExtremePositiveFunding_WithARichPerpetual_ShortsOnTheNextBarAfterTheFunding()
    {
        var signals = Run(Create(), Perp, Spot, Rate(0.001m));

        var signal = signals.ShouldHaveSingleItem();
        signal.Side.ShouldBe(PositionSide.Short);
        signal.Symbol.ShouldBe(BtcPerp);
        signal.CreatedAtMs.ShouldBe(DecisionClose);
        signal.Entry.ShouldBe(Perp[350].Close);
        signal.Metadata["funding_rate"].ShouldBe(0.001m);
        ((double)signal.Metadata["basis"]).ShouldBe(0.002, 1e-9);
        signal.Metadata["regime"].ShouldBe("range_lowvol");
        ((double)signal.Metadata["setup_score"]).ShouldBeGreaterThanOrEqualTo(7);
        signal.Confidence.ShouldBe((double)signal.Metadata["setup_score"] / 10, 1e-12);
        signal.Exits!.TimeStopMs.ShouldBe(24 * Timeframe.HourMs);
        signal.Exits.StopPrice!.Value.ShouldBeGreaterThan(signal.Entry!.Value);
        signal.Exits.TakeProfits.ShouldBeEmpty(); // the seed gives none: governance.yaml's position management applies
    }

    [Fact]
    public void ExtremeNegativeFunding_WithACheapPerpetual_GoesLong()
    {
        var cheapSpot = Seed001Bars.ToBars(RegimeSeries.Zigzag(Hours), 1.002);

        Run(Create(), Perp, cheapSpot, Rate(-0.001m)).ShouldHaveSingleItem().Side.ShouldBe(PositionSide.Long);
    }

    [Theory]
    [InlineData("0.001", true)] // at the threshold: extreme (≥)
    [InlineData("0.0010001", false)]
    public void FundingThreshold_AtTheEdge(string extreme, bool signals)
    {
        Run(Create($"funding_extreme={extreme}"), Perp, Spot, Rate(0.001m)).Count.ShouldBe(signals ? 1 : 0);
    }

    [Fact]
    public void BasisThreshold_AtTheEdge()
    {
        var basis = (double)Run(Create(), Perp, Spot, Rate(0.001m)).Single().Metadata["basis"];

        Run(Create($"basis_min={basis.ToString("R", CultureInfo.InvariantCulture)}"), Perp, Spot, Rate(0.001m)).Count.ShouldBe(1);
        Run(Create($"basis_min={(basis + 1e-9).ToString("R", CultureInfo.InvariantCulture)}"), Perp, Spot, Rate(0.001m)).ShouldBeEmpty();
    }

    [Fact]
    public void ExtremeFunding_WithoutTheBasisTheFundingsWay_IsNotTraded()
    {
        var cheapSpot = Seed001Bars.ToBars(RegimeSeries.Zigzag(Hours), 1.002); // perp below spot while longs pay

        Run(Create(), Perp, cheapSpot, Rate(0.001m)).ShouldBeEmpty();
    }

    [Fact]
    public void InATrendRegime_NeverTrades()
    {
        var rising = Seed001Bars.ToBars(RegimeSeries.Trend(Hours, 0.002));
        var risingSpot = Seed001Bars.ToBars(RegimeSeries.Trend(Hours, 0.002), 1 / 1.002);

        Run(Create(), rising, risingSpot, Rate(0.002m)).ShouldBeEmpty();
    }

    [Fact]
    public void DuringWarmUp_NeverTrades()
    {
        // The regime classifier needs 270 1h bars: funding after bar 200 is not traded.
        var early = new FundingRate(BtcPerp, StrategyHarness.Start + (200 * Timeframe.HourMs), 0.002m);

        Run(Create(), Perp, Spot, early).ShouldBeEmpty();
    }

    [Fact]
    public void WhenTheSpotBarOfTheDecisionHourIsMissing_TheFundingIsDropped()
    {
        var gappy = Spot.Where(b => b.OpenTimeMs != Perp[350].OpenTimeMs).ToArray();

        Run(Create(), Perp, gappy, Rate(0.001m)).ShouldBeEmpty();
    }

    [Fact]
    public void Create_OnASpotSymbol_RefusesNamingThePerpetual()
    {
        Should.Throw<ArgumentException>(() => StrategyRegistry.BuiltIn.Create("funding_rev", (IEnumerable<string>?)null, new StrategyUniverse([BtcSpot], Timeframe.H1)))
            .Message.ShouldBe("strategy funding_rev trades perpetuals (it reads their funding rates): BINANCE:BTCUSDT is spot; use BINANCE:BTCUSDT.P and it reads BINANCE:BTCUSDT as context");
    }

    [Fact]
    public void SetupScoreBelowSeven_IsNotTraded_AndTheNewsHookCountsInIt()
    {
        // With the liquidity part at ~0 (turnover far below turnover_full, spread far above max_spread_bps) the setup
        // scores regime 1.5 + htf 2 + volume/pattern ≈ 1.5 + news: 7 only while there is no news.
        string[] thin = ["turnover_full=1000000000000", "max_spread_bps=1"];
        var universe = new StrategyUniverse([BtcPerp], Timeframe.H1);
        var calm = new FundingRev(StrategyParameters.Resolve("funding_rev", FundingRev.Descriptor.Parameters, StrategyParameters.ParseAssignments(thin)), universe);
        var newsy = new FundingRev(StrategyParameters.Resolve("funding_rev", FundingRev.Descriptor.Parameters, StrategyParameters.ParseAssignments(thin)), universe, new FixedNews(0.5));

        var signal = Run(calm, Perp, Spot, Rate(0.001m)).ShouldHaveSingleItem();
        signal.Metadata["setup_score_news"].ShouldBe(2.0);
        ((double)signal.Metadata["setup_score_liquidity"]).ShouldBeLessThan(0.01);
        ((double)signal.Metadata["setup_score"]).ShouldBeLessThan(8); // news at half severity (−1) takes it below 7
        Run(newsy, Perp, Spot, Rate(0.001m)).ShouldBeEmpty();
    }

    [Fact]
    public void Reset_ThenReplay_GivesTheSameSignals()
    {
        var strategy = Create();
        var first = Run(strategy, Perp, Spot, Rate(0.001m));
        strategy.Reset();

        Run(strategy, Perp, Spot, Rate(0.001m)).ShouldBe(first);
        first.Count.ShouldBe(1);
    }

    private sealed class FixedNews(double severity) : Quorum.Strategies.Scoring.INewsFlagSource
    {
        public double Severity(Symbol symbol, long timeMs) => severity;
    }

    private static FundingRate Rate(decimal rate) => new(BtcPerp, FundingAt, rate);

    private static IStrategy Create(params string[] assignments) =>
        StrategyRegistry.BuiltIn.Create("funding_rev", assignments.Concat(["turnover_full=1", "max_spread_bps=2000"]), new StrategyUniverse([BtcPerp], Timeframe.H1));

    private static List<Signal> Run(IStrategy strategy, Bar[] perp, Bar[] spot, FundingRate rate) =>
        Seed001Data.Run(
            strategy,
            [
                new FeedStream(BtcPerp, Timeframe.H1, perp),
                new FeedStream(BtcSpot, Timeframe.H1, spot),
                new FeedStream(BtcPerp, Timeframe.H4, Resample(BtcPerp, Timeframe.H1, perp, Timeframe.H4)),
            ],
            [rate]);
}
