using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Resampling;
using Quorum.Strategies;

namespace Quorum.Research.Backtest;

/// <summary>
/// Which bars a backtest loads and delivers for a strategy. Data is loaded at the run's timeframe (<c>--timeframe</c>) for
/// every traded symbol and every context symbol the strategy subscribes to (e.g. the spot reference of a perpetual for
/// basis); each subscribed timeframe above it is resampled from it (closed buckets only). A subscription below the data's
/// timeframe, or one the data's timeframe does not divide, is refused with the strategy, the pair and what to give instead.
/// When the strategy does not subscribe to the data's timeframe of a symbol, that series still fills the orders
/// (the exchange's Match stream), so fills never use coarser bars than the data has.
/// </summary>
internal sealed class BacktestFeed
{
    private readonly IReadOnlyList<StrategySubscription> _subscriptions;
    private readonly Timeframe _dataTimeframe;

    private BacktestFeed(IReadOnlyList<StrategySubscription> subscriptions, IReadOnlyList<Symbol> symbols, Timeframe dataTimeframe, Timeframe primary, Timeframe management)
    {
        _subscriptions = subscriptions;
        Symbols = symbols;
        _dataTimeframe = dataTimeframe;
        PrimaryTimeframe = primary;
        ManagementTimeframe = management;
    }

    /// <summary>Symbols to load, the traded ones first (in the order given), then context symbols in subscription order.</summary>
    public IReadOnlyList<Symbol> Symbols { get; }

    /// <summary>The lowest subscribed timeframe: equity is recorded at each of its closes, and the OMS housekeeps on it.</summary>
    public Timeframe PrimaryTimeframe { get; }

    /// <summary>The timeframe whose bars drive the OMS's per-symbol housekeeping (<see cref="PrimaryTimeframe"/>).</summary>
    public Timeframe ManagementTimeframe { get; }

    /// <summary>
    /// The timeframe the trades of <paramref name="strategy"/> are managed on: <see cref="StrategyDescriptor.ManagementTimeframe"/>,
    /// else the strategy's lowest subscribed timeframe.
    /// </summary>
    /// <exception cref="ArgumentException">The descriptor names a timeframe the strategy does not subscribe to.</exception>
    public static Timeframe ManagementTimeframeOf(IStrategy strategy, StrategyDescriptor descriptor)
    {
        var management = descriptor.ManagementTimeframe ?? strategy.Subscriptions.MinBy(s => s.Timeframe.Milliseconds).Timeframe;
        return strategy.Subscriptions.Any(s => s.Timeframe == management)
            ? management
            : throw new ArgumentException($"strategy {strategy.Name} manages exits on {management} bars but does not subscribe to them");
    }

    /// <exception cref="ArgumentException">A subscription the data cannot feed.</exception>
    public static BacktestFeed Plan(IReadOnlyList<IStrategy> strategies, IReadOnlyList<Symbol> traded, Timeframe dataTimeframe)
    {
        var subscriptions = new List<StrategySubscription>();
        foreach (var strategy in strategies)
        {
            if (strategy.Subscriptions.Count == 0)
            {
                throw new ArgumentException($"strategy {strategy.Name} subscribes to no bars");
            }

            foreach (var subscription in strategy.Subscriptions)
            {
                Check(strategy, subscription, dataTimeframe);
                if (!subscriptions.Contains(subscription))
                {
                    subscriptions.Add(subscription);
                }
            }
        }

        var symbols = new List<Symbol>();
        foreach (var symbol in traded)
        {
            if (subscriptions.Any(s => s.Symbol == symbol))
            {
                symbols.Add(symbol);
            }
        }

        if (symbols.Count == 0)
        {
            throw new ArgumentException($"{(strategies.Count == 1 ? $"strategy {strategies[0].Name} subscribes" : "the strategies subscribe")} to none of the symbols {string.Join(", ", traded)}");
        }

        foreach (var subscription in subscriptions)
        {
            if (!symbols.Contains(subscription.Symbol))
            {
                symbols.Add(subscription.Symbol);
            }
        }

        var primary = subscriptions.MinBy(s => s.Timeframe.Milliseconds).Timeframe;
        return new BacktestFeed(subscriptions, symbols, dataTimeframe, primary, primary);
    }

    private static void Check(IStrategy strategy, StrategySubscription subscription, Timeframe dataTimeframe)
    {
        var subscriptions = strategy.Subscriptions;
        if (subscription.Timeframe.Milliseconds < dataTimeframe.Milliseconds)
        {
            var lowest = subscriptions.MinBy(s => s.Timeframe.Milliseconds).Timeframe;
            throw new ArgumentException(
                $"strategy {strategy.Name} needs {subscription.Timeframe} bars of {subscription.Symbol}, finer than the data timeframe {dataTimeframe}: " +
                $"run with --timeframe {lowest} (or finer data that divides it)");
        }

        if (!subscription.Timeframe.IsMultipleOf(dataTimeframe))
        {
            throw new ArgumentException(
                $"strategy {strategy.Name} needs {subscription.Timeframe} bars of {subscription.Symbol}, which cannot be built from {dataTimeframe} data " +
                $"({subscription.Timeframe} is not a whole multiple of {dataTimeframe})");
        }
    }

    /// <summary>One series per subscription (distinct, in the order first subscribed): the loaded series itself or its resample.</summary>
    public IReadOnlyList<BarSeries> Delivered(IReadOnlyList<BarSeries> loaded)
    {
        var result = new List<BarSeries>();
        foreach (var subscription in _subscriptions)
        {
            var source = loaded.First(s => s.Symbol == subscription.Symbol);
            result.Add(subscription.Timeframe == _dataTimeframe
                ? source
                : BacktestData.ClosedOnly(Resampler.Resample(source, subscription.Timeframe)));
        }

        return result;
    }

    /// <summary>The loaded series of symbols whose data timeframe is not subscribed: they fill orders without being delivered.</summary>
    public IReadOnlyList<BarSeries> Undelivered(IReadOnlyList<BarSeries> loaded) =>
        [.. loaded.Where(s => !_subscriptions.Contains(new StrategySubscription(s.Symbol, _dataTimeframe)))];
}
