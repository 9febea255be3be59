namespace Quorum.Indicators;

/// <summary>
/// Creates indicators from specifications such as <c>ema:14</c> or <c>bb:20:2</c>. Each family
/// registers its names in its own partial file (<c>IndicatorRegistry.&lt;Family&gt;.cs</c>).
/// </summary>
public static partial class IndicatorRegistry
{
    private static readonly Dictionary<string, Registration> Registrations = Build();

    /// <summary>Every registered name with its usage, e.g. <c>ema:PERIOD</c>, sorted.</summary>
    public static IReadOnlyList<string> Usage => [.. Registrations.Values.Select(r => r.Usage).Order(StringComparer.Ordinal)];

    /// <summary>Creates the indicator <paramref name="specification"/> describes; errors name the bad part and the known names.</summary>
    public static IIndicator Create(string specification)
    {
        var spec = IndicatorSpec.Parse(specification);
        if (!Registrations.TryGetValue(spec.Name, out var registration))
        {
            throw new FormatException($"unknown indicator '{spec.Name}' in '{specification}' (known: {string.Join(", ", Usage)})");
        }

        try
        {
            return registration.Factory(spec);
        }
        catch (ArgumentException invalid)
        {
            throw new FormatException($"indicator '{specification}' ({registration.Usage}): {invalid.Message}", invalid);
        }
    }

    private static Dictionary<string, Registration> Build()
    {
        var registrations = new Dictionary<string, Registration>(StringComparer.Ordinal);
        void Add(string name, string usage, Func<IndicatorSpec, IIndicator> factory) =>
            registrations.Add(name, new Registration(usage, factory));

        Add("ema", "ema:PERIOD", s => new Averages.Ema(s.AtMost(1).Int(0, "period")));
        RegisterAverages(Add);
        RegisterOscillators(Add);
        RegisterVolatility(Add);
        RegisterStatistics(Add);
        RegisterVolume(Add);
        return registrations;
    }

    static partial void RegisterAverages(Action<string, string, Func<IndicatorSpec, IIndicator>> add);

    static partial void RegisterOscillators(Action<string, string, Func<IndicatorSpec, IIndicator>> add);

    static partial void RegisterVolatility(Action<string, string, Func<IndicatorSpec, IIndicator>> add);

    static partial void RegisterStatistics(Action<string, string, Func<IndicatorSpec, IIndicator>> add);

    static partial void RegisterVolume(Action<string, string, Func<IndicatorSpec, IIndicator>> add);

    private sealed record Registration(string Usage, Func<IndicatorSpec, IIndicator> Factory);
}
