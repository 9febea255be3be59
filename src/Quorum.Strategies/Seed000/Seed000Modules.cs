using Quorum.Strategies.Cluster;

namespace Quorum.Strategies.Seed000;

/// <summary>The seed-000 strategies of the built-in registry (DIV, PIN, ENG, BRK, INS and cluster).</summary>
internal static class Seed000Modules
{
    /// <summary>The five modules, in the order the <c>cluster</c> strategy runs them.</summary>
    public static IReadOnlyList<StrategyDescriptor> Modules { get; } =
        [DivModule.Descriptor, PinModule.Descriptor, EngModule.Descriptor, BrkModule.Descriptor, InsModule.Descriptor];

    public static IReadOnlyList<StrategyDescriptor> Descriptors { get; } = [.. Modules, ClusterStrategy.Descriptor];
}
