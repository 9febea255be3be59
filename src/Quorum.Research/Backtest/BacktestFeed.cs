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

    /// <summary>The strategy's lowest timeframe: equity is recorded at each of its closes.</summary>
    public Timeframe PrimaryTimeframe { get; }

    /// <summary>The timeframe whose bars drive the OMS's exit management (<see cref="StrategyDescriptor.ManagementTimeframe"/>, else <see cref="PrimaryTimeframe"/>).</summary>
    public Timeframe ManagementTimeframe { get; }

    /// <exception cref="ArgumentException">A subscription the data cannot feed, or a management timeframe the strategy does not subscribe to.</exception>
    public static BacktestFeed Plan(IStrategy strategy, StrategyDescriptor descriptor, IReadOnlyList<Symbol> traded, Timeframe dataTimeframe)
    {
        var subscriptions = strategy.Subscriptions;
        if (subscriptions.Count == 0)
        {
            throw new ArgumentException($"strategy {strategy.Name} subscribes to no bars");
        }

        foreach (var subscription in subscriptions)
        {
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
            throw new ArgumentException($"strategy {strategy.Name} subscribes to none of the symbols {string.Join(", ", traded)}");
        }

        foreach (var subscription in subscriptions)
        {
            if (!symbols.Contains(subscription.Symbol))
            {
                symbols.Add(subscription.Symbol);
            }
        }

        var primary = subscriptions.MinBy(s => s.Timeframe.Milliseconds).Timeframe;
        var management = descriptor.ManagementTimeframe ?? primary;
        if (!subscriptions.Any(s => s.Timeframe == management))
        {
            throw new ArgumentException($"strategy {strategy.Name} manages exits on {management} bars but does not subscribe to them");
        }

        return new BacktestFeed(subscriptions, symbols, dataTimeframe, primary, management);
    }

    /// <summary>One series per distinct subscription, in subscription order: the loaded series itself or its resample.</summary>
    public IReadOnlyList<BarSeries> Delivered(IReadOnlyList<BarSeries> loaded)
    {
        var result = new List<BarSeries>();
        var seen = new HashSet<StrategySubscription>();
        foreach (var subscription in _subscriptions)
        {
            if (!seen.Add(subscription))
            {
                continue;
            }

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
