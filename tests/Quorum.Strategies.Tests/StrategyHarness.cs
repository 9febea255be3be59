using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Data.Resampling;

namespace Quorum.Strategies.Tests;

internal static class StrategyHarness
{
    public static readonly Symbol Btc = Symbol.Parse("BINANCE:BTCUSDT");
    public static readonly Symbol Eth = Symbol.Parse("BINANCE:ETHUSDT");

    /// <summary>2021-01-01 00:00 UTC.</summary>
    public const long Start = 1_609_459_200_000;

    public static Bar[] FromCloses(Timeframe timeframe, params decimal[] closes) =>
        [.. closes.Select((c, i) => new Bar(Start + (i * timeframe.Milliseconds), c, c, c, c, 1m))];

    public static List<Signal> Run(IStrategy strategy, Symbol symbol, Timeframe timeframe, IEnumerable<Bar> bars)
    {
        var sink = new SignalList();
        foreach (var bar in bars)
        {
            strategy.OnBar(symbol, timeframe, bar, sink);
        }

        return sink.Signals;
    }

    /// <summary>
    /// Feeds <paramref name="bars"/> of <paramref name="dataTimeframe"/> to a strategy the way the engine does: every
    /// subscribed timeframe of <paramref name="symbol"/> at or above the data's gets the resampled bars (a bar delivered
    /// at its close time; at one instant the finer timeframe first). Subscriptions below the data's timeframe throw.
    /// </summary>
    public static List<Signal> RunResampled(IStrategy strategy, Symbol symbol, Timeframe dataTimeframe, IReadOnlyList<Bar> bars)
    {
        var timeframes = strategy.Subscriptions.Where(s => s.Symbol == symbol).Select(s => s.Timeframe).Distinct()
            .OrderBy(tf => tf.Milliseconds).ToList();
        if (timeframes.Count == 0)
        {
            throw new ArgumentException($"{strategy.Name} does not subscribe to {symbol}");
        }

        var source = new BarSeries(symbol, dataTimeframe, [.. bars]);
        var events = new List<(long CloseMs, long TimeframeMs, Timeframe Timeframe, Bar Bar)>();
        foreach (var timeframe in timeframes)
        {
            if (timeframe.Milliseconds < dataTimeframe.Milliseconds)
            {
                throw new ArgumentException($"{strategy.Name} needs {timeframe}, below the data's {dataTimeframe}");
            }

            var series = timeframe == dataTimeframe ? source : Resampler.Resample(source, timeframe);
            foreach (var bar in series.Span)
            {
                if (bar.IsClosed)
                {
                    events.Add((timeframe.CloseTime(bar.OpenTimeMs), timeframe.Milliseconds, timeframe, bar));
                }
            }
        }

        var sink = new SignalList();
        foreach (var e in events.OrderBy(e => e.CloseMs).ThenBy(e => e.TimeframeMs))
        {
            strategy.OnBar(symbol, e.Timeframe, e.Bar, sink);
        }

        return sink.Signals;
    }

    /// <summary>
    /// The look-ahead check of issue 5: for every cut, the signals of a fresh strategy fed only bars[0..cut) equal the
    /// signals of a fresh strategy fed all bars, restricted to those created before the cut's time. Returns the number of
    /// signals on the full data (so a caller can assert the check was not vacuous).
    /// </summary>
    public static int AssertNoLookAhead(Func<IStrategy> create, Symbol symbol, Timeframe dataTimeframe, IReadOnlyList<Bar> bars, IEnumerable<int> cuts)
    {
        var full = RunResampled(create(), symbol, dataTimeframe, bars);
        foreach (var cut in cuts)
        {
            var truncated = RunResampled(create(), symbol, dataTimeframe, [.. bars.Take(cut)]);
            var cutMs = cut < bars.Count ? bars[cut].OpenTimeMs : long.MaxValue;
            var expected = full.Where(s => s.CreatedAtMs <= cutMs).ToList();
            truncated.ShouldBe(expected, $"signals on bars[0..{cut}) differ from the full run's signals up to that time");
        }

        return full.Count;
    }

    public static IStrategy Create(string name, Timeframe timeframe, params string[] assignments) =>
        StrategyRegistry.BuiltIn.Create(name, assignments, new StrategyUniverse([Btc], timeframe));
}
