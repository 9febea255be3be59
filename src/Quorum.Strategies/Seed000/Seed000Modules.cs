namespace Quorum.Strategies.Seed000;

/// <summary>The seed-000 strategies of the built-in registry (DIV, PIN, ENG, BRK, INS and cluster).</summary>
internal static class Seed000Modules
{
    public static IReadOnlyList<StrategyDescriptor> Descriptors { get; } = [];
}
