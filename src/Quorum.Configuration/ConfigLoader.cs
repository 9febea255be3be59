using System.Security.Cryptography;
using Quorum.Configuration.Parsing;
using YamlDotNet.RepresentationModel;

namespace Quorum.Configuration;

/// <summary>
/// Loads and validates Quorum's config files. It only reads: no config file is ever written
/// (<c>governance.yaml</c> least of all). Any problem throws a <see cref="ConfigValidationException"/>
/// holding every error found across all files, so one run shows everything to fix.
/// </summary>
public static class ConfigLoader
{
    public const string GovernanceFileName = "governance.yaml";
    public const string EnableMapFileName = "enable_map.yaml";
    public const string SymbolsFileName = "symbols.yaml";
    public const string QuorumFileName = "quorum.yaml";

    private static readonly string[] Files = [GovernanceFileName, EnableMapFileName, SymbolsFileName, QuorumFileName];

    /// <summary>The four files a config directory holds.</summary>
    public static IReadOnlyList<string> FileNames => Files;

    /// <summary>Loads the four files of <paramref name="configDirectory"/>, without environment overrides.</summary>
    public static QuorumConfiguration LoadDirectory(string configDirectory) => Load(configDirectory, environment: null);

    /// <summary>
    /// Loads the four files of <paramref name="configDirectory"/> and the environment variables in
    /// <paramref name="environment"/>, applies the overrides, and reports file and environment errors together.
    /// </summary>
    public static QuorumConfiguration LoadDirectory(string configDirectory, IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Load(configDirectory, name => environment.TryGetValue(name, out var value) ? value : null);
    }

    /// <summary>As <see cref="LoadDirectory(string, IReadOnlyDictionary{string, string})"/>, with a variable lookup (e.g. <see cref="Environment.GetEnvironmentVariable(string)"/>).</summary>
    public static QuorumConfiguration LoadDirectory(string configDirectory, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Load(configDirectory, environment);
    }

    public static GovernanceConfig LoadGovernance(string path) => LoadOne(path, GovernanceParser.Expected, GovernanceParser.Parse).Config;

    public static EnableMapConfig LoadEnableMap(string path) => LoadOne(path, EnableMapParser.Expected, EnableMapParser.Parse).Config;

    public static SymbolsConfig LoadSymbols(string path) => LoadOne(path, SymbolsParser.Expected, SymbolsParser.Parse).Config;

    public static QuorumConfig LoadQuorum(string path) => LoadOne(path, QuorumParser.Expected, QuorumParser.Parse).Config;

    /// <summary>SHA-256 of <paramref name="bytes"/> as lowercase hex, the form <see cref="QuorumConfiguration.GovernanceSha256"/> uses.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Parses <c>governance.yaml</c> text (tests and tools); throws like <see cref="LoadGovernance"/>.</summary>
    internal static GovernanceConfig ParseGovernance(string yaml) => ParseOrThrow(yaml, GovernanceFileName, GovernanceParser.Expected, GovernanceParser.Parse);

    internal static EnableMapConfig ParseEnableMap(string yaml) => ParseOrThrow(yaml, EnableMapFileName, EnableMapParser.Expected, EnableMapParser.Parse);

    internal static SymbolsConfig ParseSymbols(string yaml) => ParseOrThrow(yaml, SymbolsFileName, SymbolsParser.Expected, SymbolsParser.Parse);

    internal static QuorumConfig ParseQuorum(string yaml) => ParseOrThrow(yaml, QuorumFileName, QuorumParser.Expected, QuorumParser.Parse);

    internal static T? Parse<T>(string text, string expected, Func<YamlMappingNode, ErrorCollector, T?> parse, ErrorCollector errors)
        where T : class =>
        YamlDocuments.ParseRoot(text, errors, expected) is { } root ? parse(root, errors) : null;

    private static T ParseOrThrow<T>(string yaml, string fileName, string expected, Func<YamlMappingNode, ErrorCollector, T?> parse)
        where T : class
    {
        var errors = new ErrorCollector(fileName);
        return Parse(yaml, expected, parse, errors) ?? throw new ConfigValidationException(errors.Errors);
    }

    private static (T Config, string Sha256) LoadOne<T>(string path, string expected, Func<YamlMappingNode, ErrorCollector, T?> parse)
        where T : class
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var errors = new ErrorCollector(Path.GetFileName(path));
        var result = Read(path, expected, parse, errors);
        return result is { } ok ? ok : throw new ConfigValidationException(errors.Errors);
    }

    private static (T Config, string Sha256)? Read<T>(string path, string expected, Func<YamlMappingNode, ErrorCollector, T?> parse, ErrorCollector errors)
        where T : class
    {
        var bytes = YamlDocuments.ReadBytes(path, errors);
        if (bytes is null)
        {
            return null;
        }

        var config = Parse(YamlDocuments.Decode(bytes), expected, parse, errors);
        return config is null ? null : (config, Sha256Hex(bytes));
    }

    private static QuorumConfiguration Load(string configDirectory, Func<string, string?>? environment)
    {
        ArgumentException.ThrowIfNullOrEmpty(configDirectory);
        var directory = Path.GetFullPath(configDirectory);
        if (!Directory.Exists(directory))
        {
            throw new ConfigValidationException(
            [
                new ConfigError("config directory", string.Empty, directory, $"directory not found; it must hold {string.Join(", ", Files)}", ConfigErrorKind.FileUnreadable),
            ]);
        }

        var governanceErrors = new ErrorCollector(GovernanceFileName);
        var enableMapErrors = new ErrorCollector(EnableMapFileName);
        var symbolsErrors = new ErrorCollector(SymbolsFileName);
        var quorumErrors = new ErrorCollector(QuorumFileName);
        var environmentErrors = new ErrorCollector(EnvironmentSettings.Source);

        var governance = Read(Path.Combine(directory, GovernanceFileName), GovernanceParser.Expected, GovernanceParser.Parse, governanceErrors);
        var enableMap = Read(Path.Combine(directory, EnableMapFileName), EnableMapParser.Expected, EnableMapParser.Parse, enableMapErrors);
        var symbols = Read(Path.Combine(directory, SymbolsFileName), SymbolsParser.Expected, SymbolsParser.Parse, symbolsErrors);
        var quorum = Read(Path.Combine(directory, QuorumFileName), QuorumParser.Expected, QuorumParser.Parse, quorumErrors);
        var settings = environment is null ? EnvironmentSettings.Empty : EnvironmentSettings.Read(environment, environmentErrors);

        var effective = quorum?.Config;
        if (environment is not null && effective is not null && settings is not null)
        {
            effective = settings.ApplyTo(effective);
            foreach (var error in settings.Check(effective))
            {
                environmentErrors.Add(error);
            }
        }

        var errors = governanceErrors.Errors
            .Concat(enableMapErrors.Errors)
            .Concat(symbolsErrors.Errors)
            .Concat(quorumErrors.Errors)
            .Concat(environmentErrors.Errors)
            .ToArray();
        if (errors.Length > 0)
        {
            throw new ConfigValidationException(errors);
        }

        return new QuorumConfiguration(
            directory,
            governance!.Value.Config,
            enableMap!.Value.Config,
            symbols!.Value.Config,
            effective!,
            governance.Value.Sha256,
            settings!);
    }
}
