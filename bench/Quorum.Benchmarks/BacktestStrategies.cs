using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Strategies;
using Quorum.Strategies.Reference;

namespace Quorum.Benchmarks;

/// <summary>The strategies of the backtest and latency benchmarks, and a sink that only counts.</summary>
internal static class BacktestStrategies
{
    /// <summary><c>ema_rsi_cross</c> with shorts on (the symbols are perpetuals) and the given EMA periods (defaults 12/26).</summary>
    public static IStrategy Reference(IReadOnlyList<BarSeries> series, int fast = 12, int slow = 26)
    {
        var descriptor = EmaRsiCross.Descriptor;
        var parameters = StrategyParameters.Resolve(
            descriptor.Name,
            descriptor.Parameters,
            [KeyValuePair.Create("fast", fast.ToString(System.Globalization.CultureInfo.InvariantCulture)),
             KeyValuePair.Create("slow", slow.ToString(System.Globalization.CultureInfo.InvariantCulture)),
             KeyValuePair.Create("short", "1")]);
        return descriptor.Factory(parameters, Universe(series));
    }

    public static StrategyUniverse Universe(IReadOnlyList<BarSeries> series) => new(series.Select(s => s.Symbol), series[0].Timeframe);

    /// <summary>A strategy that subscribes like the reference one and never signals: the cost of everything around a strategy.</summary>
    internal sealed class Silent(StrategyUniverse universe) : IStrategy
    {
        public string Name => "silent";

        public string Version => "1.0.0";

        public StrategyParameters Parameters { get; } = StrategyParameters.Resolve("silent", [], null);

        public IReadOnlyList<StrategySubscription> Subscriptions { get; } = universe.PrimarySubscriptions();

        public int WarmUpBars => 0;

        public void OnBar(Symbol symbol, Timeframe timeframe, in Bar bar, ISignalSink signals)
        {
        }

        public void Reset()
        {
        }
    }

    /// <summary>
    /// <paramref name="inner"/> doing all its per-bar work, its signals counted and dropped before the bot sees them: the
    /// cost of a strategy's indicators on bars that lead to no trade.
    /// </summary>
    internal sealed class Muted(IStrategy inner) : IStrategy
    {
        private readonly CountingSink _sink = new();

        public string Name => inner.Name;

        public string Version => inner.Version;

        public StrategyParameters Parameters => inner.Parameters;

        public IReadOnlyList<StrategySubscription> Subscriptions => inner.Subscriptions;

        public int WarmUpBars => inner.WarmUpBars;

        public void OnBar(Symbol symbol, Timeframe timeframe, in Bar bar, ISignalSink signals) => inner.OnBar(symbol, timeframe, bar, _sink);

        public void Reset() => inner.Reset();
    }

    /// <summary>Counts signals and drops them.</summary>
    internal sealed class CountingSink : ISignalSink
    {
        public long Count { get; private set; }

        public void Emit(Signal signal) => Count++;
    }
}
