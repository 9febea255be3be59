using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using static Quorum.Strategies.Tests.StrategyHarness;

namespace Quorum.Strategies.Tests.Workers;

/// <summary>
/// A test module on BTC 15m: emits an entry of <see cref="Side"/> with <see cref="Confidence"/> on the bars whose index
/// (counted since creation or reset) is in <see cref="SignalAt"/>, and throws on the indices in <see cref="ThrowAt"/>
/// (after emitting, when both). Records what it saw.
/// </summary>
internal sealed class ScriptedModule(string name) : IStrategy
{
    private int _index;

    public string Name { get; } = name;

    public string Version => "1.0.0";

    public StrategyParameters Parameters { get; } = StrategyParameters.Resolve(name, [], null);

    public IReadOnlyList<StrategySubscription> Subscriptions { get; } = [new(Btc, Timeframe.M15)];

    public int WarmUpBars => 1;

    public HashSet<int> SignalAt { get; init; } = [];

    public HashSet<int> ThrowAt { get; init; } = [];

    public bool ThrowOnReset { get; set; }

    public PositionSide Side { get; init; } = PositionSide.Long;

    public double Confidence { get; init; } = 0.5;

    public int Resets { get; private set; }

    public List<long> Seen { get; } = [];

    /// <summary>False: do not record the bars seen (allocation tests).</summary>
    public bool Record { get; init; } = true;

    /// <summary>Called inside OnBar (to observe the health while the module runs).</summary>
    public Action? During { get; set; }

    public void OnBar(Symbol symbol, Timeframe timeframe, in Bar bar, ISignalSink signals)
    {
        var index = _index++;
        if (Record)
        {
            Seen.Add(bar.OpenTimeMs);
        }

        During?.Invoke();
        if (SignalAt.Contains(index))
        {
            signals.Emit(StrategySignals.Entry(Name, symbol, timeframe, bar, Side, $"scripted {index}", Confidence, null));
        }

        if (ThrowAt.Contains(index))
        {
            throw new InvalidOperationException($"{Name} fails on bar {index}");
        }
    }

    public void Reset()
    {
        if (ThrowOnReset)
        {
            throw new InvalidOperationException($"{Name} cannot reset");
        }

        Resets++;
        _index = 0;
    }
}
