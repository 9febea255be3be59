namespace Quorum.Strategies;

/// <summary>
/// A strategy that manages positions (seed 003's lifecycle: <c>analyze_market</c> and <c>generate_signal</c>
/// happen in <see cref="IStrategy.OnBar"/>, <c>open_position</c> is <see cref="OnPositionOpened"/>,
/// <c>update_positions</c> is OnBar over the positions the strategy learnt from these hooks, <c>close_position</c> is
/// <see cref="OnPositionClosed"/>). The bot calls these after the OMS reports the first entry fill and the
/// final exit fill; the strategy still never places orders: it reacts by emitting signals (a grid re-arms a
/// level, a DCA bot its next step).
/// </summary>
public interface IPositionAwareStrategy : IStrategy
{
    /// <summary>A trade entered on one of this strategy's entry signals has its first fill.</summary>
    void OnPositionOpened(StrategyPosition position, ISignalSink signals);

    /// <summary>A trade of this strategy has fully closed.</summary>
    void OnPositionClosed(ClosedStrategyPosition closed, ISignalSink signals);

    /// <summary>A pending entry of this strategy was cancelled or refused before any fill (e.g. by the risk layer), with the reason.</summary>
    void OnEntryRejected(Core.Trading.Signal signal, string reason, ISignalSink signals);
}
