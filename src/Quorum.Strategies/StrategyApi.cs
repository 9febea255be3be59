namespace Quorum.Strategies;

/// <summary>Version of the strategy API (<see cref="IStrategy"/>, <see cref="StrategyDescriptor"/>, <see cref="StrategySignals"/>).</summary>
/// <remarks>
/// 1: closed bars in, entry/exit signals out, numeric parameters with ranges.
/// 2: adds the strategy's own exits on entry signals (<see cref="Core.Trading.ExitSpec"/>), limit entries, several
/// timeframes per strategy (resampled from the data), the position lifecycle hooks of seed 003
/// (<see cref="IPositionAwareStrategy"/>), funding-rate input (<see cref="IFundingAwareStrategy"/>) and the
/// descriptor facts <see cref="StrategyDescriptor.Origin"/>, <see cref="StrategyDescriptor.Timeframes"/>,
/// <see cref="StrategyDescriptor.MaxOpenTradesPerSymbol"/> and <see cref="StrategyDescriptor.AveragesDown"/>.
/// Version-1 strategies run unchanged.
/// </remarks>
public static class StrategyApi
{
    public const int Version = 2;
}
