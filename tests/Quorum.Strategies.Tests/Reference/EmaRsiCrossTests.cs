using FsCheck;
using FsCheck.Fluent;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Strategies.Reference;
using static Quorum.Strategies.Tests.StrategyHarness;

namespace Quorum.Strategies.Tests.Reference;

public sealed class EmaRsiCrossTests
{
    // fast = 2, slow = 3 (the EMAs of EmaCrossTests), RSI(2) (Wilder, α = 1/2, first value at the 3rd close):
    // bar  close  ema2      ema3      sign  change  avg gain  avg loss  RSI
    //  0    10    –         –                –
    //  1    10    10        –                0      (sum 0)   (sum 0)
    //  2    10    10        10        0      0      0         0         50 (no change: neutral)
    //  3     7    8         8.5       −      −3     0         1.5       0
    //  4    13    11.333    10.75     +  ↑   +6     3         0.75      100·3/3.75 = 80
    //  5    13    12.444    11.875    +      0      1.5       0.375     80
    //  6     8    9.481     9.9375    −  ↓   −5     0.75      2.6875    100·0.75/3.4375 = 21.82
    private static readonly decimal[] Closes = [10m, 10m, 10m, 7m, 13m, 13m, 8m];

    private static readonly long CrossUpAt = Start + (5 * Timeframe.HourMs); // bar 4's close

    private static readonly long CrossDownAt = Start + (7 * Timeframe.HourMs); // bar 6's close

    [Fact]
    public void OnBar_WhenRsiFiltersBothEntries_EmitsOnlyTheExits()
    {
        // RSI 80 ≥ overbought 70 blocks the long at bar 4; RSI 21.82 ≤ oversold 30 blocks the short at bar 6.
        var strategy = Create("fast=2", "slow=3", "rsi=2", "short=1");

        var signals = Run(strategy, Btc, Timeframe.H1, FromCloses(Timeframe.H1, Closes));

        signals.Select(Describe).ShouldBe([$"exit Short {CrossUpAt}", $"exit Long {CrossDownAt}"]);
    }

    [Fact]
    public void OnBar_WhenRsiAllowsThem_EntersLongOnTheCrossUpAndShortOnTheCrossDown_ExitsFirst()
    {
        var strategy = Create("fast=2", "slow=3", "rsi=2", "short=1", "overbought=90", "oversold=20");

        var signals = Run(strategy, Btc, Timeframe.H1, FromCloses(Timeframe.H1, Closes));

        signals.Select(Describe).ShouldBe([
            $"exit Short {CrossUpAt}", $"entry Long {CrossUpAt}",
            $"exit Long {CrossDownAt}", $"entry Short {CrossDownAt}",
        ]);
        signals[1].Entry.ShouldBe(13m);
        signals[1].Reason.ShouldBe("ema 2 crossed above ema 3, rsi 2 below 90");
        signals[3].Entry.ShouldBe(8m);
        signals[3].Reason.ShouldBe("ema 2 crossed below ema 3, rsi 2 above 20");
        signals.ShouldAllBe(s => s.Strategy == "ema_rsi_cross" && s.Timeframe == Timeframe.H1 && s.Symbol == Btc);
    }

    [Fact]
    public void OnBar_LongOnly_NeitherShortsNorExitsShorts()
    {
        var strategy = Create("fast=2", "slow=3", "rsi=2", "overbought=90", "oversold=20");

        var signals = Run(strategy, Btc, Timeframe.H1, FromCloses(Timeframe.H1, Closes));

        signals.Select(Describe).ShouldBe([$"entry Long {CrossUpAt}", $"exit Long {CrossDownAt}"]);
    }

    [Fact]
    public void OnBar_WhileRsiWarmsUp_TakesNoEntryButStillExits()
    {
        // RSI(5) needs 6 closes: at the cross up (bar 4, the 5th close) it is not ready; at bar 6 it is, but the
        // cross down only exits (long-only).
        var strategy = Create("fast=2", "slow=3", "rsi=5", "overbought=100");

        var signals = Run(strategy, Btc, Timeframe.H1, FromCloses(Timeframe.H1, Closes));

        signals.Select(Describe).ShouldBe([$"exit Long {CrossDownAt}"]);
    }

    [Fact]
    public void WarmUpBars_IsOneMoreThanTheSlowerOfSlowEmaAndRsi()
    {
        Create().WarmUpBars.ShouldBe(27); // max(26, 14 + 1) + 1
        Create("rsi=30").WarmUpBars.ShouldBe(32); // max(26, 31) + 1
    }

    [Fact]
    public void Reset_ThenReplay_GivesTheSameSignals()
    {
        var strategy = Create("fast=2", "slow=3", "rsi=2", "short=1", "overbought=90", "oversold=20");
        var first = Run(strategy, Btc, Timeframe.H1, FromCloses(Timeframe.H1, Closes));

        strategy.Reset();
        var second = Run(strategy, Btc, Timeframe.H1, FromCloses(Timeframe.H1, Closes));

        second.ShouldBe(first);
    }

    [Fact]
    public void OnBar_OtherSymbolOrTimeframe_IsIgnored()
    {
        var strategy = Create("fast=2", "slow=3", "rsi=2", "overbought=90");

        Run(strategy, Eth, Timeframe.H1, FromCloses(Timeframe.H1, Closes)).ShouldBeEmpty();
        Run(strategy, Btc, Timeframe.M1, FromCloses(Timeframe.M1, Closes)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("fast=26", "must be below slow = 26")]
    [InlineData("oversold=70", "oversold = 70 must be below overbought = 70")]
    public void Create_WithInconsistentParameters_ThrowsNamingThem(string assignment, string message)
    {
        Should.Throw<ArgumentException>(() => Create(assignment)).Message.ShouldContain(message);
    }

    [Fact]
    public void LongSignals_AreEmaCrossSignals_WithEntriesFilteredByRsi()
    {
        // Property: on any close series, the long exits are exactly ema_cross's exits and the long entries are
        // ema_cross's entries minus those where RSI was not ready or at/above overbought.
        var closes = Gen.Choose(1, 40).Select(c => (decimal)c).ArrayOf().Where(a => a.Length > 0).ToArbitrary();
        Prop.ForAll(closes, series =>
        {
            var bars = FromCloses(Timeframe.H1, series);
            var cross = Run(StrategyRegistry.BuiltIn.Create("ema_cross", ["fast=2", "slow=4"], new StrategyUniverse([Btc], Timeframe.H1)), Btc, Timeframe.H1, bars);
            var filtered = Run(Create("fast=2", "slow=4", "rsi=3", "overbought=60"), Btc, Timeframe.H1, bars);
            var rsi = new Indicators.Oscillators.Rsi(3);
            var allowed = new HashSet<long>();
            foreach (var bar in bars)
            {
                rsi.Update((double)bar.Close);
                if (rsi.IsReady && rsi.Value < 60)
                {
                    allowed.Add(Timeframe.H1.CloseTime(bar.OpenTimeMs));
                }
            }

            var expected = cross.Where(s => StrategySignals.IntentOf(s) == SignalIntent.Exit || allowed.Contains(s.CreatedAtMs)).Select(Describe).ToList();
            return filtered.Select(Describe).SequenceEqual(expected);
        }).QuickCheckThrowOnFailure();
    }

    private static string Describe(Signal signal) => $"{(StrategySignals.IntentOf(signal) == SignalIntent.Exit ? "exit" : "entry")} {signal.Side} {signal.CreatedAtMs}";

    private static EmaRsiCross Create(params string[] assignments) =>
        (EmaRsiCross)EmaRsiCross.Descriptor.Factory(
            StrategyParameters.Resolve(EmaRsiCross.StrategyName, EmaRsiCross.Descriptor.Parameters, StrategyParameters.ParseAssignments(assignments)),
            new StrategyUniverse([Btc], Timeframe.H1));
}
