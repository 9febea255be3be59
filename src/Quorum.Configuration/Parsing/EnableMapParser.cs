using YamlDotNet.RepresentationModel;

namespace Quorum.Configuration.Parsing;

/// <summary>Validates <c>enable_map.yaml</c> and builds an <see cref="EnableMapConfig"/>.</summary>
internal static class EnableMapParser
{
    public const string Regimes = "regimes";
    public const string SwitchingRulesKey = "switching_rules";
    public const string MinBarsHold = "min_bars_hold";
    public const string CooldownAfter2Losses = "cooldown_after_2_losses";

    public const string Expected = "a mapping with keys regimes, switching_rules";

    public static readonly ValueRange MinBarsHoldRange = ValueRange.Between(1m, 500m);
    public static readonly ValueRange CooldownRange = ValueRange.Between(0m, 500m);

    private static readonly string RegimesDescription = "a mapping of every regime (" + string.Join(", ", RegimeLabels.All) + ") to a list of strategies";
    private static readonly string StrategyList = string.Join(", ", KnownStrategies.Names);

    public static EnableMapConfig? Parse(YamlMappingNode root, ErrorCollector errors)
    {
        var before = errors.Count;
        var map = new MappingReader(root, string.Empty, errors);
        var regimes = map.Mapping(Regimes, RegimesDescription) is { } regimesMap ? ReadRegimes(regimesMap) : null;
        var rules = map.Mapping(SwitchingRulesKey, $"a mapping with keys {MinBarsHold}, {CooldownAfter2Losses}") is { } rulesMap
            ? ReadRules(rulesMap)
            : null;
        map.RejectUnknownKeys();
        return errors.Count == before ? new EnableMapConfig(regimes!.AsReadOnly(), rules!) : null;
    }

    private static Dictionary<string, IReadOnlyList<string>>? ReadRegimes(MappingReader map)
    {
        var before = map.Errors.Count;
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var regime in RegimeLabels.All)
        {
            var items = map.Items(regime, $"strategy names ({StrategyList}); [] enables none", allowNullAsEmpty: true);
            if (items is null)
            {
                continue;
            }

            var strategies = new List<string>();
            foreach (var (node, path) in items)
            {
                var name = Values.Text(node, path, map.Errors, allowNull: false);
                if (name is null)
                {
                    continue;
                }

                var definition = KnownStrategies.Find(name);
                if (definition is null)
                {
                    var suggestion = KeySuggestion.Closest(name, KnownStrategies.Names);
                    map.Errors.Add(
                        ConfigErrorKind.NotAllowed,
                        path,
                        NodeText.Show(node),
                        (suggestion is null ? string.Empty : $"did you mean {suggestion}? ") + StrategyList,
                        node);
                }
                else if (strategies.Contains(name, StringComparer.Ordinal))
                {
                    map.Errors.Add(ConfigErrorKind.Duplicate, path, name, $"each strategy may be listed once per regime; {name} is already in {map.PathOf(regime)}", node);
                }
                else if (!definition.AllowedRegimes.Contains(regime, StringComparer.Ordinal))
                {
                    map.Errors.Add(
                        ConfigErrorKind.Rule,
                        path,
                        name,
                        $"{name} may run only in {string.Join(", ", definition.AllowedRegimes)}: {definition.Description}",
                        node);
                }
                else
                {
                    strategies.Add(name);
                }
            }

            result[regime] = strategies.AsReadOnly();
        }

        map.RejectUnknownKeys();
        return map.Errors.Count == before ? result : null;
    }

    private static SwitchingRules? ReadRules(MappingReader map)
    {
        var before = map.Errors.Count;
        var minBarsHold = map.Integer(MinBarsHold, MinBarsHoldRange);
        var cooldown = map.Integer(CooldownAfter2Losses, CooldownRange);
        map.RejectUnknownKeys();
        return map.Errors.Count == before ? new SwitchingRules(minBarsHold!.Value, cooldown!.Value) : null;
    }
}
