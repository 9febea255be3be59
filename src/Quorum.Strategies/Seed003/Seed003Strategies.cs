namespace Quorum.Strategies.Seed003;

/// <summary>The seed-003 strategies of the built-in registry (trend_follower, smc, grid, dca).</summary>
internal static class Seed003Strategies
{
    public static IReadOnlyList<StrategyDescriptor> Descriptors { get; } =
        [TrendFollower.Descriptor, SmcStrategy.Descriptor, GridStrategy.Descriptor, DcaStrategy.Descriptor];
}
