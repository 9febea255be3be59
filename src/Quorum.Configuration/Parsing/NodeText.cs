using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Quorum.Configuration.Parsing;

/// <summary>How YAML nodes are shown in error messages, and which plain scalars mean null.</summary>
internal static class NodeText
{
    private const int MaxShownLength = 80;

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar &&
        IsExplicitlyUntagged(scalar) &&
        scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    /// <summary>True when a scalar was written quoted (or tagged <c>!!str</c>), i.e. is a string, never a number or a boolean.</summary>
    public static bool IsQuoted(YamlScalarNode scalar) =>
        scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded ||
        HasTag(scalar, "tag:yaml.org,2002:str");

    public static string Show(YamlNode node) => node switch
    {
        _ when IsNull(node) => "null",
        YamlScalarNode scalar when IsQuoted(scalar) => "\"" + Truncate(scalar.Value ?? string.Empty) + "\"",
        YamlScalarNode scalar => Truncate(scalar.Value ?? string.Empty),
        YamlSequenceNode => "(a list)",
        YamlMappingNode => "(a mapping)",
        _ => "(unsupported node)",
    };

    private static bool IsExplicitlyUntagged(YamlScalarNode scalar) =>
        scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific || HasTag(scalar, "tag:yaml.org,2002:null");

    private static bool HasTag(YamlScalarNode scalar, string tag) =>
        !scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value == tag;

    private static string Truncate(string text)
    {
        var singleLine = text.ReplaceLineEndings(" ").Trim();
        return singleLine.Length <= MaxShownLength ? singleLine : singleLine[..MaxShownLength] + "…";
    }
}
