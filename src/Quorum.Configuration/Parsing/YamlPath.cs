using YamlDotNet.RepresentationModel;

namespace Quorum.Configuration.Parsing;

/// <summary>Finds a node by its key path, to point an error that spans keys at the line it is about.</summary>
internal static class YamlPath
{
    /// <summary>The value node at <paramref name="keys"/> under <paramref name="root"/>; null when any step is missing or not a mapping.</summary>
    public static YamlNode? Find(YamlNode root, params IEnumerable<string> keys)
    {
        YamlNode? node = root;
        foreach (var key in keys)
        {
            node = (node as YamlMappingNode)?.Children.FirstOrDefault(c => c.Key is YamlScalarNode s && s.Value == key).Value;
        }

        return node;
    }
}
