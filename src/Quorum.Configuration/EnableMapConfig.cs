namespace Quorum.Configuration;

/// <summary><c>enable_map.yaml</c>: which strategies may act in which market regime (feature flags).</summary>
/// <param name="Regimes">Every label of <see cref="RegimeLabels.All"/> → the strategies it enables, in file order.</param>
/// <param name="SwitchingRules"><c>switching_rules</c>.</param>
public sealed record EnableMapConfig(IReadOnlyDictionary<string, IReadOnlyList<string>> Regimes, SwitchingRules SwitchingRules)
{
    /// <summary>Strategies enabled in <paramref name="regime"/> (empty for an unknown label).</summary>
    public IReadOnlyList<string> StrategiesFor(string regime) => Regimes.TryGetValue(regime, out var strategies) ? strategies : [];

    public bool IsEnabled(string regime, string strategy) => StrategiesFor(regime).Contains(strategy, StringComparer.Ordinal);
}
