namespace Quorum.Configuration.Tests;

/// <summary>Compares <see cref="ConfigError"/>s on file, key, value, allowed and kind, ignoring line and column.</summary>
internal sealed class ConfigErrorLocationIgnored : IEqualityComparer<ConfigError>
{
    public bool Equals(ConfigError? x, ConfigError? y) =>
        x is not null && y is not null && (x with { Line = null, Column = null }) == (y with { Line = null, Column = null });

    public int GetHashCode(ConfigError obj) => (obj with { Line = null, Column = null }).GetHashCode();
}
