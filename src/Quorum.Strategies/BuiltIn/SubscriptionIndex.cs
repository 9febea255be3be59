using Quorum.Core.Instruments;
using Quorum.Core.Time;

namespace Quorum.Strategies.BuiltIn;

/// <summary>Maps a (symbol, timeframe) pair to its position in a strategy's subscription list (no allocation per lookup).</summary>
internal sealed class SubscriptionIndex
{
    private readonly Dictionary<StrategySubscription, int> _slots = [];

    public SubscriptionIndex(IReadOnlyList<StrategySubscription> subscriptions)
    {
        for (var i = 0; i < subscriptions.Count; i++)
        {
            _slots.TryAdd(subscriptions[i], i);
        }
    }

    /// <summary>The slot of the pair, or −1 when it is not subscribed.</summary>
    public int Find(Symbol symbol, Timeframe timeframe) =>
        _slots.TryGetValue(new StrategySubscription(symbol, timeframe), out var slot) ? slot : -1;
}
