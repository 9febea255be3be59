using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;

namespace Quorum.Strategies.BuiltIn;

/// <summary>
/// <c>buy_and_hold</c>: one LONG entry per symbol at the close of the first bar it sees, never an exit
/// (the position is held to the end of the run). The benchmark every other strategy is compared with.
/// </summary>
public sealed class BuyAndHold : IStrategy
{
    public const string StrategyName = "buy_and_hold";

    private readonly SubscriptionIndex _index;
    private readonly bool[] _entered;

    public BuyAndHold(StrategyParameters parameters, StrategyUniverse universe)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(universe);
        Parameters = parameters;
        Subscriptions = universe.PrimarySubscriptions();
        _index = new SubscriptionIndex(Subscriptions);
        _entered = new bool[Subscriptions.Count];
    }

    public static StrategyDescriptor Descriptor { get; } = new(
        StrategyName,
        "1.0.0",
        "Buy at the close of the first bar and hold to the end (one LONG entry per symbol, no exit signal).",
        [],
        (parameters, universe) => new BuyAndHold(parameters, universe));

    public string Name => StrategyName;

    public string Version => Descriptor.Version;

    public StrategyParameters Parameters { get; }

    public IReadOnlyList<StrategySubscription> Subscriptions { get; }

    public int WarmUpBars => 1;

    public void OnBar(Symbol symbol, Timeframe timeframe, in Bar bar, ISignalSink signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var slot = _index.Find(symbol, timeframe);
        if (slot < 0 || _entered[slot])
        {
            return;
        }

        _entered[slot] = true;
        signals.Emit(StrategySignals.Entry(Name, symbol, timeframe, bar, PositionSide.Long, "first bar: buy and hold"));
    }

    public void Reset() => Array.Clear(_entered);
}
