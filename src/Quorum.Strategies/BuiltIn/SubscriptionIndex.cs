using Quorum.Core.Instruments;
using Quorum.Core.Time;

namespace Quorum.Strategies.BuiltIn;

/// <summary>Maps a (symbol, timeframe) pair to its position in a strategy's subscription list (no allocation per lookup).</summary>
internal sealed class SubscriptionIndex
{
    private readonly SymbolTimeframeMap<int> _slots = new();

    public SubscriptionIndex(IReadOnlyList<StrategySubscription> subscriptions)
    {
        for (var i = 0; i < subscriptions.Count; i++)
        {
            if (!_slots.TryGetValue(subscriptions[i].Symbol, subscriptions[i].Timeframe, out _))
            {
                _slots.Set(subscriptions[i].Symbol, subscriptions[i].Timeframe, i); // the first of a repeated pair keeps its slot
            }
        }
    }

    /// <summary>The slot of the pair, or −1 when it is not subscribed.</summary>
    public int Find(Symbol symbol, Timeframe timeframe) =>
        _slots.TryGetValue(symbol, timeframe, out var slot) ? slot : -1;
}
