namespace Quorum.Strategies;

/// <summary>What the registry knows about a strategy before creating it: name, version, description, parameters and a factory.</summary>
public sealed record StrategyDescriptor(
    string Name,
    string Version,
    string Description,
    IReadOnlyList<StrategyParameter> Parameters,
    Func<StrategyParameters, StrategyUniverse, IStrategy> Factory)
{
    /// <summary>One line per parameter, for <c>--help</c> and errors.</summary>
    public string ParameterHelp => Parameters.Count == 0
        ? "no parameters"
        : string.Join("; ", Parameters.Select(p => p.ToString()));
}
