using YamlDotNet.RepresentationModel;

namespace Quorum.Configuration.Parsing;

/// <summary>
/// Reads the keys of one YAML mapping by name, remembering which keys the schema asked for so that
/// every other key can be reported as unknown (typos must never be silently ignored).
/// </summary>
internal sealed class MappingReader
{
    private readonly Dictionary<string, YamlNode> _values = new(StringComparer.Ordinal);
    private readonly List<(string Key, YamlNode Node)> _keys = [];
    private readonly HashSet<string> _expected = new(StringComparer.Ordinal);
    private readonly List<string> _expectedInOrder = [];

    public MappingReader(YamlMappingNode node, string path, ErrorCollector errors)
    {
        Node = node;
        Path = path;
        Errors = errors;
        foreach (var (keyNode, valueNode) in node.Children)
        {
            if (keyNode is YamlScalarNode { Value: { } key } && !NodeText.IsNull(keyNode))
            {
                _values[key] = valueNode;
                _keys.Add((key, keyNode));
            }
            else
            {
                errors.Add(ConfigErrorKind.WrongType, path, NodeText.Show(keyNode), "a plain key name", keyNode);
            }
        }
    }

    public YamlMappingNode Node { get; }

    public string Path { get; }

    public ErrorCollector Errors { get; }

    /// <summary>Reads a mapping value; null (with an error) when it is not a mapping.</summary>
    public static MappingReader? Of(YamlNode node, string path, string description, ErrorCollector errors)
    {
        if (node is YamlMappingNode mapping)
        {
            return new MappingReader(mapping, path, errors);
        }

        errors.Add(ConfigErrorKind.WrongType, path, NodeText.Show(node), description, node);
        return null;
    }

    public string PathOf(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    /// <summary>The value node of <paramref name="key"/> if present, without marking the key as read.</summary>
    public YamlNode? Peek(string key) => _values.GetValueOrDefault(key);

    /// <summary>True when the key is present (and marks it as known).</summary>
    public bool Has(string key)
    {
        Expect(key);
        return _values.ContainsKey(key);
    }

    /// <summary>The value node of <paramref name="key"/>; null when absent, with a "missing" error if required.</summary>
    public YamlNode? Get(string key, bool required, string description)
    {
        Expect(key);
        if (_values.TryGetValue(key, out var node))
        {
            return node;
        }

        if (required)
        {
            Errors.Add(ConfigErrorKind.MissingKey, PathOf(key), null, description, Node);
        }

        return null;
    }

    public decimal? Decimal(string key, ValueRange range, bool required = true) =>
        Get(key, required, Values.NumberDescription(range)) is { } node ? Values.Decimal(node, PathOf(key), range, Errors) : null;

    public int? Integer(string key, ValueRange range, bool required = true) =>
        Get(key, required, Values.IntegerDescription(range)) is { } node ? Values.Integer(node, PathOf(key), range, Errors) : null;

    public bool? Boolean(string key, bool required = true) =>
        Get(key, required, Values.BooleanDescription) is { } node ? Values.Boolean(node, PathOf(key), Errors) : null;

    public T? Choice<T>(string key, IReadOnlyList<KeyValuePair<string, T>> choices, bool required = true)
        where T : struct =>
        Get(key, required, Values.ChoiceDescription(choices.Select(c => c.Key))) is { } node
            ? Values.Choice(node, PathOf(key), choices, Errors)
            : null;

    /// <summary>A string value; null when absent or written as null/empty-plain and <paramref name="required"/> is false.</summary>
    public string? Text(string key, bool required = true) =>
        Get(key, required, Values.TextDescription) is { } node ? Values.Text(node, PathOf(key), Errors, allowNull: !required) : null;

    public MappingReader? Mapping(string key, string description, bool required = true) =>
        Get(key, required, description) is { } node ? Of(node, PathOf(key), description, Errors) : null;

    public IReadOnlyList<(YamlNode Node, string Path)>? Items(string key, string itemDescription, bool required = true, bool allowNullAsEmpty = false) =>
        Get(key, required, $"a list of {itemDescription}") is { } node
            ? Values.Items(node, PathOf(key), itemDescription, Errors, allowNullAsEmpty)
            : null;

    /// <summary>
    /// Reports every key the schema did not ask for. <paramref name="explanations"/> gives a specific
    /// message for keys that are refused on purpose (e.g. a password in a file).
    /// </summary>
    public void RejectUnknownKeys(IReadOnlyDictionary<string, string>? explanations = null)
    {
        foreach (var (key, keyNode) in _keys)
        {
            if (_expected.Contains(key))
            {
                continue;
            }

            string allowed;
            if (explanations is not null && explanations.TryGetValue(key, out var explanation))
            {
                allowed = explanation;
            }
            else
            {
                var known = _expectedInOrder;
                var suggestion = KeySuggestion.Closest(key, known);
                allowed = (suggestion is null ? string.Empty : $"did you mean {suggestion}? ") + "allowed keys: " + string.Join(", ", known);
            }

            Errors.Add(ConfigErrorKind.UnknownKey, PathOf(key), null, allowed, keyNode);
        }
    }

    private void Expect(string key)
    {
        if (_expected.Add(key))
        {
            _expectedInOrder.Add(key);
        }
    }
}
