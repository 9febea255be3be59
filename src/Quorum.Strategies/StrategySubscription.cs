using Quorum.Core.Instruments;
using Quorum.Core.Time;

namespace Quorum.Strategies;

/// <summary>One stream of closed bars a strategy listens to.</summary>
public readonly record struct StrategySubscription(Symbol Symbol, Timeframe Timeframe)
{
    public override string ToString() => $"{Symbol} {Timeframe}";
}
