using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;

namespace Quorum.Strategies;

/// <summary>
/// A trading strategy, version 1 of the strategy API (<see cref="StrategyApi.Version"/>): it sees
/// closed bars of the (symbol, timeframe) pairs it subscribes to and emits <see cref="Core.Trading.Signal"/>s
/// into a sink. A strategy never reads the clock (the signal time is the bar's close time), never
/// sizes a trade and never places an order: the risk layer turns signals into plans and the OMS
/// turns plans into orders.
/// </summary>
/// <remarks>
/// Calls come from one thread, in event-time order. The same bars in the same order must give the
/// same signals (no randomness without a seed, no hash-order dependence). A value computed at a
/// bar uses only bars closed at or before it.
/// </remarks>
public interface IStrategy
{
    /// <summary>Registry name, e.g. <c>ema_cross</c>; also the <c>Strategy</c> of every signal it emits.</summary>
    string Name { get; }

    /// <summary>Version of this strategy's logic (semantic version); bump it when its signals change.</summary>
    string Version { get; }

    /// <summary>The parameter values the strategy was created with.</summary>
    StrategyParameters Parameters { get; }

    /// <summary>The (symbol, timeframe) pairs whose closed bars the strategy needs, in a stable order.</summary>
    IReadOnlyList<StrategySubscription> Subscriptions { get; }

    /// <summary>Closed bars per subscription the strategy consumes before it can emit its first signal.</summary>
    int WarmUpBars { get; }

    /// <summary>
    /// A bar of one of the <see cref="Subscriptions"/> has closed. Signals go into <paramref name="signals"/>;
    /// bars of pairs the strategy did not subscribe to are ignored.
    /// </summary>
    void OnBar(Symbol symbol, Timeframe timeframe, in Bar bar, ISignalSink signals);

    /// <summary>Forgets every bar seen, as if newly created with the same parameters.</summary>
    void Reset();
}
