namespace Quorum.Strategies;

/// <summary>Version of the strategy API (<see cref="IStrategy"/>, <see cref="StrategyDescriptor"/>, <see cref="StrategySignals"/>).</summary>
public static class StrategyApi
{
    /// <summary>1: closed bars in, entry/exit signals out, numeric parameters with ranges.</summary>
    public const int Version = 1;
}
