using Quorum.Strategies.BuiltIn;

namespace Quorum.Strategies;

/// <summary>
/// Creates strategies by name with <c>--param key=value</c> parameters. An unknown name, an unknown
/// parameter or a value out of range throws <see cref="ArgumentException"/> naming it and listing what is allowed.
/// </summary>
public sealed class StrategyRegistry
{
    private readonly List<StrategyDescriptor> _descriptors = [];

    /// <summary>The registry of built-in strategies: the baselines <c>buy_and_hold</c>, <c>ema_cross</c> and <c>ema_rsi_cross</c> (the speed benchmarks' reference strategy) and the seed families (docs/strategies.md).</summary>
    public static StrategyRegistry BuiltIn { get; } = CreateBuiltIn();

    /// <summary>Every registered strategy, ordered by name.</summary>
    public IReadOnlyList<StrategyDescriptor> Descriptors => [.. _descriptors.OrderBy(d => d.Name, StringComparer.Ordinal)];

    /// <summary>Names of every registered strategy, ordered.</summary>
    public IReadOnlyList<string> Names => [.. Descriptors.Select(d => d.Name)];

    public static StrategyRegistry CreateBuiltIn()
    {
        var registry = new StrategyRegistry();
        registry.Register(BuyAndHold.Descriptor);
        registry.Register(EmaCross.Descriptor);
        registry.Register(Reference.EmaRsiCross.Descriptor);
        foreach (var descriptor in Seed000.Seed000Modules.Descriptors.Concat(Seed001.Seed001Strategies.Descriptors).Concat(Seed003.Seed003Strategies.Descriptors))
        {
            registry.Register(descriptor);
        }

        return registry;
    }

    public void Register(StrategyDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        if (Find(descriptor.Name) is not null)
        {
            throw new ArgumentException($"strategy '{descriptor.Name}' is already registered", nameof(descriptor));
        }

        _descriptors.Add(descriptor);
    }

    /// <summary>The descriptor of <paramref name="name"/>; throws naming the known strategies when there is none.</summary>
    public StrategyDescriptor Get(string name) =>
        Find(name) ?? throw new ArgumentException($"unknown strategy '{name}' (allowed: {string.Join(", ", Names)})");

    /// <summary>Creates <paramref name="name"/> with <paramref name="parameters"/> (name → text) over <paramref name="universe"/>.</summary>
    public IStrategy Create(string name, IEnumerable<KeyValuePair<string, string>>? parameters, StrategyUniverse universe)
    {
        ArgumentNullException.ThrowIfNull(universe);
        var descriptor = Get(name);
        var resolved = StrategyParameters.Resolve(descriptor.Name, descriptor.Parameters, parameters);
        return descriptor.Factory(resolved, universe);
    }

    /// <summary>Creates <paramref name="name"/> from <c>key=value</c> assignments as given to <c>--param</c>.</summary>
    public IStrategy Create(string name, IEnumerable<string>? assignments, StrategyUniverse universe) =>
        Create(name, StrategyParameters.ParseAssignments(assignments), universe);

    private StrategyDescriptor? Find(string name) =>
        _descriptors.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.Ordinal));
}
