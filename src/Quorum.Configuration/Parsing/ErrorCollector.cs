using YamlDotNet.RepresentationModel;

namespace Quorum.Configuration.Parsing;

/// <summary>Collects every problem found in one file (or the environment) instead of stopping at the first.</summary>
internal sealed class ErrorCollector(string file)
{
    private readonly List<ConfigError> _errors = [];

    public string File => file;

    public IReadOnlyList<ConfigError> Errors => _errors;

    public int Count => _errors.Count;

    public void Add(ConfigErrorKind kind, string key, string? value, string allowed, YamlNode? node = null) =>
        _errors.Add(new ConfigError(file, key, value, allowed, kind)
        {
            Line = node is null ? null : (int)node.Start.Line,
            Column = node is null ? null : (int)node.Start.Column,
        });

    public void Add(ConfigError error) => _errors.Add(error);
}
