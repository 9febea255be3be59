using FsCheck;
using FsCheck.Fluent;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using static Quorum.Strategies.Tests.StrategyHarness;

namespace Quorum.Strategies.Tests.BuiltIn;

public sealed class EmaCrossTests
{
    // fast = 2 (α = 2/3, seeded with the mean of 2 closes), slow = 3 (α = 1/2, seeded with the mean of 3):
    // bar  close  ema2                     ema3                  sign
    //  0    10    –                        –
    //  1    10    10                       –
    //  2    10    10                       10                    0 (equal: no sign yet)
    //  3     7    10 + 2/3·(7−10) = 8      10 + ½·(7−10) = 8.5   −  (first sign: no signal)
    //  4    13    8 + 2/3·5 = 11.333       8.5 + ½·4.5 = 10.75   +  → ENTRY at bar 4's close
    //  5    13    12.444                   11.875                +
    //  6     8    12.444 − 2.963 = 9.481   11.875 − 1.9375 = 9.9375 − → EXIT at bar 6's close
    private static readonly decimal[] Closes = [10m, 10m, 10m, 7m, 13m, 13m, 8m];

    [Fact]
    public void OnBar_OnHandMadeSeries_EntersOnCrossAboveAndExitsOnCrossBelow()
    {
        var strategy = Create("ema_cross", Timeframe.H1, "fast=2", "slow=3");

        var signals = Run(strategy, Btc, Timeframe.H1, FromCloses(Timeframe.H1, Closes));

        signals.Count.ShouldBe(2);
        signals[0].Side.ShouldBe(PositionSide.Long);
        StrategySignals.IntentOf(signals[0]).ShouldBe(SignalIntent.Entry);
        signals[0].CreatedAtMs.ShouldBe(Start + (5 * Timeframe.HourMs)); // bar 4 closes at open + 1h
        signals[0].Entry.ShouldBe(13m);
        signals[0].Strategy.ShouldBe("ema_cross");
        signals[0].Timeframe.ShouldBe(Timeframe.H1);
        StrategySignals.IntentOf(signals[1]).ShouldBe(SignalIntent.Exit);
        signals[1].Side.ShouldBe(PositionSide.Long);
        signals[1].CreatedAtMs.ShouldBe(Start + (7 * Timeframe.HourMs));
    }

    [Fact]
    public void OnBar_WhenFastStartsAboveSlow_DoesNotEnterUntilARealCross()
    {
        // Rising closes: ema2 > ema3 from the first ready bar on, which is a state, not a cross.
        var strategy = Create("ema_cross", Timeframe.H1, "fast=2", "slow=3");

        var signals = Run(strategy, Btc, Timeframe.H1, FromCloses(Timeframe.H1, 1m, 2m, 3m, 4m, 5m, 6m, 7m, 8m));

        signals.ShouldBeEmpty();
    }

    [Fact]
    public void OnBar_DuringWarmUp_EmitsNothing()
    {
        // Defaults 12/26: WarmUpBars = 27; the hand-made series is a cross pattern that fits before that.
        var strategy = Create("ema_cross", Timeframe.H1);
        strategy.WarmUpBars.ShouldBe(27);

        var signals = Run(strategy, Btc, Timeframe.H1, FromCloses(Timeframe.H1, [.. Closes, .. Closes, .. Closes]));

        signals.ShouldBeEmpty(); // 21 bars < 26: the slow EMA is never ready
    }

    [Fact]
    public void OnBar_FirstPossibleSignal_IsAtBarWarmUpBarsMinusOne()
    {
        // fast=2/slow=3: WarmUpBars = 4, so bar index 3 is the earliest; make the cross happen exactly there.
        // bars 0–2 fall (ema2 < ema3 at bar 2: sign −), bar 3 jumps: ema2 = 9 + 2/3·(20 − 9) = 16.33 > ema3 = 10 + ½·10 = 15.
        var strategy = Create("ema_cross", Timeframe.H1, "fast=2", "slow=3");
        strategy.WarmUpBars.ShouldBe(4);

        var signals = Run(strategy, Btc, Timeframe.H1, FromCloses(Timeframe.H1, 11m, 10m, 9m, 20m));

        signals.Count.ShouldBe(1);
        signals[0].CreatedAtMs.ShouldBe(Start + (4 * Timeframe.HourMs));
    }

    [Fact]
    public void Reset_ForgetsEverything_SoTheSameBarsGiveTheSameSignals()
    {
        var strategy = Create("ema_cross", Timeframe.H1, "fast=2", "slow=3");
        var bars = FromCloses(Timeframe.H1, Closes);
        var first = Run(strategy, Btc, Timeframe.H1, bars);

        strategy.Reset();
        var second = Run(strategy, Btc, Timeframe.H1, bars);

        second.ShouldBe(first);
    }

    [Fact]
    public void OnBar_ForAPairNotSubscribed_IsIgnored()
    {
        var strategy = Create("ema_cross", Timeframe.H1, "fast=2", "slow=3");

        Run(strategy, Eth, Timeframe.H1, FromCloses(Timeframe.H1, Closes)).ShouldBeEmpty();
        Run(strategy, Btc, Timeframe.H4, FromCloses(Timeframe.H4, Closes)).ShouldBeEmpty();
    }

    [Fact]
    public void OnBar_TwoSymbols_KeepSeparateState()
    {
        var strategy = StrategyRegistry.BuiltIn.Create("ema_cross", ["fast=2", "slow=3"], new StrategyUniverse([Btc, Eth], Timeframe.H1));
        var sink = new SignalList();
        var bars = FromCloses(Timeframe.H1, Closes);
        var flat = FromCloses(Timeframe.H1, 10m, 10m, 10m, 10m, 10m, 10m, 10m);
        for (var i = 0; i < bars.Length; i++)
        {
            strategy.OnBar(Btc, Timeframe.H1, bars[i], sink);
            strategy.OnBar(Eth, Timeframe.H1, flat[i], sink);
        }

        sink.Signals.Select(s => s.Symbol).ShouldBe([Btc, Btc]);
    }

    [Fact]
    public void Signals_OfATruncatedSeries_AreThePrefixOfTheFullSeriesSignals()
    {
        // No look-ahead: cutting the input at any bar n gives exactly the signals created at or before bar n's close.
        var arbitrary = Gen.Choose(1, 400).ArrayOf().Where(a => a.Length >= 2)
            .SelectMany(steps => Gen.Choose(1, steps.Length).Select(cut => (steps, cut)))
            .ToArbitrary();
        Prop.ForAll(arbitrary, input =>
        {
            var (steps, cut) = input;
            var bars = Walk(steps);
            var full = Run(Create("ema_cross", Timeframe.H1, "fast=3", "slow=7"), Btc, Timeframe.H1, bars);
            var truncated = Run(Create("ema_cross", Timeframe.H1, "fast=3", "slow=7"), Btc, Timeframe.H1, bars[..cut]);
            var lastClose = Timeframe.H1.CloseTime(bars[cut - 1].OpenTimeMs);
            return truncated.SequenceEqual(full.Where(s => s.CreatedAtMs <= lastClose));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Signals_NeverRepeatTheSameIntentTwiceInARow()
    {
        var arbitrary = Gen.Choose(1, 400).ArrayOf().ToArbitrary();
        Prop.ForAll(arbitrary, steps =>
        {
            var signals = Run(Create("ema_cross", Timeframe.H1, "fast=2", "slow=5"), Btc, Timeframe.H1, Walk(steps));
            // The first signal may be an exit (a cross below from a "fast above" start); after that they alternate.
            return signals.Zip(signals.Skip(1)).All(pair => StrategySignals.IntentOf(pair.First) != StrategySignals.IntentOf(pair.Second));
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>A price walk: each step moves the close by (step − 200)/10 around 1000.</summary>
    private static Bar[] Walk(int[] steps)
    {
        var closes = new decimal[steps.Length];
        var price = 1000m;
        for (var i = 0; i < steps.Length; i++)
        {
            price = Math.Max(1m, price + ((steps[i] - 200) / 10m));
            closes[i] = price;
        }

        return FromCloses(Timeframe.H1, closes);
    }
}
