namespace Quorum.Configuration;

/// <summary>A strategy <c>enable_map.yaml</c> may enable, with the regimes it is allowed to run in.</summary>
/// <param name="Name">The seed's name, e.g. <c>breakout_4h</c>.</param>
/// <param name="Description">One line on what it trades.</param>
/// <param name="AllowedRegimes">Regime labels in which enabling it is allowed.</param>
public sealed record StrategyDefinition(string Name, string Description, IReadOnlyList<string> AllowedRegimes);
