using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Data.Resampling;
using Quorum.Data.Synthetic;

namespace Quorum.Strategies.Tests;

/// <summary>
/// Checks every strategy of the built-in registry on 90 days of the synthetic demo market (5m bars, resampled to each
/// strategy's timeframes the way the engine delivers them): no signal during warm-up, identical signals on a rerun and on
/// truncated data (no look-ahead), and no allocation on a bar where no signal fires (for a composed strategy such as
/// <c>cluster</c>: where neither it nor any inner strategy fires, see <see cref="IComposedStrategy"/>).
/// </summary>
public sealed class AllStrategiesTests
{
    private const int Days = 90;

    /// <summary>Silent bars allowed to show an allocation the strategy did not make (see the allocation test).</summary>
    private const int StrayAllocationsTolerated = 2;

    private static readonly Lazy<BarSeries> Market = new(() =>
        SyntheticMarketGenerator.Generate(DemoDataset.Options with { BarCount = Days * 288 }).GetSeries(DemoDataset.Btc));

    public static TheoryData<string> Names => [.. StrategyRegistry.BuiltIn.Names];

    [Theory]
    [MemberData(nameof(Names))]
    public void EveryStrategy_EmitsNoSignalBeforeItsWarmUpAndTheSameSignalsOnARerun(string name)
    {
        var first = Feed(Create(name), measureAllocations: false);
        var second = Feed(Create(name), measureAllocations: false);

        second.Signals.ShouldBe(first.Signals);
        foreach (var (signal, seen) in first.Signals.Zip(first.BarsSeenAtSignal))
        {
            seen.ShouldBeGreaterThanOrEqualTo(first.WarmUpBars, $"{name} emitted {signal} after only {seen} bars of its timeframe (warm-up {first.WarmUpBars})");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void EveryStrategy_OnTruncatedData_EmitsThePrefixOfItsFullRunSignals(string name)
    {
        var full = Feed(Create(name), measureAllocations: false).Signals;
        var bars = Market.Value.Span;
        foreach (var fraction in new[] { 0.35, 0.6, 0.85 })
        {
            var cut = (int)(bars.Length * fraction);
            var cutMs = bars[cut].OpenTimeMs;
            var truncated = Feed(Create(name), measureAllocations: false, barCount: cut).Signals;
            truncated.ShouldBe([.. full.Where(s => s.CreatedAtMs <= cutMs)], $"{name}: signals on the first {cut} bars differ from the full run's up to that time");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void EveryStrategy_AllocatesNothingOnABarWithoutASignal(string name)
    {
        // A first, unmeasured run brings the strategy's code to its final JIT tier, so the measured run on a fresh instance
        // sees no tier-up transitions.
        Feed(Create(name), measureAllocations: false);
        var run = Feed(Create(name), measureAllocations: true);

        run.MeasuredBars.ShouldBeGreaterThan(1_000);
        // A strategy that allocates per bar does so on thousands of these bars. The runtime itself occasionally allocates on the
        // calling thread (tiered-JIT call counting and the like: one of ~20 000 calls, seen once here), so up to
        // StrayAllocationsTolerated bars may allocate; more is the strategy's.
        run.AllocatingSilentBars.ShouldBeLessThanOrEqualTo(
            StrayAllocationsTolerated,
            $"{name} allocated {run.BytesOnSilentBars} bytes on {run.AllocatingSilentBars} of {run.MeasuredBars} bars without a signal (in the second half of the run)");
    }

    private static IStrategy Create(string name)
    {
        var descriptor = StrategyRegistry.BuiltIn.Get(name);
        var timeframe = descriptor.Timeframes is { Count: > 0 } list ? list[0] : Timeframe.H1;
        try
        {
            return StrategyRegistry.BuiltIn.Create(name, parameters: (IEnumerable<KeyValuePair<string, string>>?)null, new StrategyUniverse([DemoDataset.Btc], timeframe));
        }
        catch (ArgumentException)
        {
            // A strategy that trades perpetuals only (funding) gets the perpetual.
            return StrategyRegistry.BuiltIn.Create(name, parameters: (IEnumerable<KeyValuePair<string, string>>?)null, new StrategyUniverse([Symbol.Parse("SYNTH:BTCUSDT.P")], timeframe));
        }
    }

    /// <summary>
    /// Delivers the demo's BTC bars to every subscription (every subscribed symbol gets the same bars), resampled, in engine
    /// order; records the signals, how many bars of the signal's symbol × timeframe had been delivered when each came, and —
    /// when asked — the bytes allocated by OnBar calls that emitted nothing during the second half of the run.
    /// </summary>
    private static FeedResult Feed(IStrategy strategy, bool measureAllocations, int? barCount = null)
    {
        var source = Market.Value;
        var bars = source.Span[..(barCount ?? source.Count)].ToArray();
        var base5m = new BarSeries(DemoDataset.Btc, Timeframe.M5, bars);
        var events = new List<(long CloseMs, long TimeframeMs, int Order, StrategySubscription Subscription, Bar Bar)>();
        var resampled = new Dictionary<Timeframe, BarSeries>();
        for (var order = 0; order < strategy.Subscriptions.Count; order++)
        {
            var subscription = strategy.Subscriptions[order];
            if (!resampled.TryGetValue(subscription.Timeframe, out var series))
            {
                series = subscription.Timeframe == Timeframe.M5 ? base5m : Resampler.Resample(base5m, subscription.Timeframe);
                resampled.Add(subscription.Timeframe, series);
            }

            foreach (var bar in series.Span)
            {
                if (bar.IsClosed)
                {
                    events.Add((subscription.Timeframe.CloseTime(bar.OpenTimeMs), subscription.Timeframe.Milliseconds, order, subscription, bar));
                }
            }
        }

        events.Sort((a, b) => a.CloseMs != b.CloseMs ? a.CloseMs.CompareTo(b.CloseMs) : a.TimeframeMs != b.TimeframeMs ? a.TimeframeMs.CompareTo(b.TimeframeMs) : a.Order.CompareTo(b.Order));
        var sink = new SignalList();
        var seen = new Dictionary<StrategySubscription, int>();
        var seenAtSignal = new List<int>();
        long silentBytes = 0;
        var allocating = 0;
        var measured = 0;
        var measureFrom = events.Count / 2;
        for (var i = 0; i < events.Count; i++)
        {
            var (_, _, _, subscription, bar) = events[i];
            seen[subscription] = seen.GetValueOrDefault(subscription) + 1;
            var before = sink.Signals.Count;
            var innerBefore = (strategy as IComposedStrategy)?.InnerSignalCount ?? 0;
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            strategy.OnBar(subscription.Symbol, subscription.Timeframe, bar, sink);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            for (var k = before; k < sink.Signals.Count; k++)
            {
                var signal = sink.Signals[k];
                seenAtSignal.Add(seen.GetValueOrDefault(new StrategySubscription(signal.Symbol, signal.Timeframe ?? subscription.Timeframe)));
            }

            var innerFired = ((strategy as IComposedStrategy)?.InnerSignalCount ?? 0) != innerBefore; // a cluster's module fired: not a silent bar
            if (measureAllocations && i >= measureFrom && sink.Signals.Count == before && !innerFired)
            {
                silentBytes += allocated;
                measured++;
                allocating += allocated > 0 ? 1 : 0;
            }
        }

        return new FeedResult(sink.Signals, seenAtSignal, strategy.WarmUpBars, silentBytes, allocating, measured);
    }

    private sealed record FeedResult(List<Signal> Signals, List<int> BarsSeenAtSignal, int WarmUpBars, long BytesOnSilentBars, int AllocatingSilentBars, int MeasuredBars);
}
