using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Quorum.Configuration.Parsing;

/// <summary>
/// Typed reads of single YAML nodes. Each read either returns a value or records one error naming
/// the key path, the value as written and what is allowed. Numbers and booleans must be plain
/// (unquoted) scalars: <c>"1.8"</c> is a string, not a number.
/// </summary>
internal static partial class Values
{
    public static string NumberDescription(ValueRange range) => $"a number ({range})";

    public static string IntegerDescription(ValueRange range) => $"an integer ({range})";

    public const string BooleanDescription = "true or false";

    public const string TextDescription = "a string";

    public static string ChoiceDescription(IEnumerable<string> names) => "one of " + string.Join(", ", names);

    public static decimal? Decimal(YamlNode node, string path, ValueRange range, ErrorCollector errors)
    {
        if (node is not YamlScalarNode scalar || NodeText.IsNull(node) || NodeText.IsQuoted(scalar) ||
            !DecimalSyntax().IsMatch(scalar.Value ?? string.Empty))
        {
            errors.Add(ConfigErrorKind.WrongType, path, NodeText.Show(node), NumberDescription(range), node);
            return null;
        }

        if (!decimal.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !range.Contains(value))
        {
            errors.Add(ConfigErrorKind.OutOfRange, path, NodeText.Show(node), range.ToString(), node);
            return null;
        }

        return value;
    }

    public static int? Integer(YamlNode node, string path, ValueRange range, ErrorCollector errors)
    {
        if (node is not YamlScalarNode scalar || NodeText.IsNull(node) || NodeText.IsQuoted(scalar) ||
            !IntegerSyntax().IsMatch(scalar.Value ?? string.Empty))
        {
            errors.Add(ConfigErrorKind.WrongType, path, NodeText.Show(node), IntegerDescription(range), node);
            return null;
        }

        if (!decimal.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ||
            !range.Contains(value) || value is < int.MinValue or > int.MaxValue)
        {
            errors.Add(ConfigErrorKind.OutOfRange, path, NodeText.Show(node), range.ToString(), node);
            return null;
        }

        return (int)value;
    }

    public static bool? Boolean(YamlNode node, string path, ErrorCollector errors)
    {
        if (node is YamlScalarNode scalar && !NodeText.IsQuoted(scalar))
        {
            switch (scalar.Value)
            {
                case "true" or "True" or "TRUE":
                    return true;
                case "false" or "False" or "FALSE":
                    return false;
            }
        }

        errors.Add(ConfigErrorKind.WrongType, path, NodeText.Show(node), BooleanDescription, node);
        return null;
    }

    /// <summary>A string scalar (quoted or plain). Null when the node is null; an error when it is a list or a mapping.</summary>
    public static string? Text(YamlNode node, string path, ErrorCollector errors, bool allowNull)
    {
        if (NodeText.IsNull(node))
        {
            if (!allowNull)
            {
                errors.Add(ConfigErrorKind.WrongType, path, "null", TextDescription, node);
            }

            return null;
        }

        if (node is YamlScalarNode scalar)
        {
            return scalar.Value ?? string.Empty;
        }

        errors.Add(ConfigErrorKind.WrongType, path, NodeText.Show(node), TextDescription, node);
        return null;
    }

    /// <summary>One of a fixed set of names (compared case-insensitively), e.g. <c>paper|live|backtest</c>.</summary>
    public static T? Choice<T>(YamlNode node, string path, IReadOnlyList<KeyValuePair<string, T>> choices, ErrorCollector errors)
        where T : struct
    {
        var names = choices.Select(c => c.Key).ToArray();
        if (node is not YamlScalarNode scalar || NodeText.IsNull(node))
        {
            errors.Add(ConfigErrorKind.WrongType, path, NodeText.Show(node), ChoiceDescription(names), node);
            return null;
        }

        foreach (var choice in choices)
        {
            if (string.Equals(choice.Key, scalar.Value?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return choice.Value;
            }
        }

        errors.Add(ConfigErrorKind.NotAllowed, path, NodeText.Show(node), string.Join(", ", names), node);
        return null;
    }

    /// <summary>Items of a list with their key paths (<c>symbols[2]</c>); null (with an error) when the node is not a list.</summary>
    public static IReadOnlyList<(YamlNode Node, string Path)>? Items(YamlNode node, string path, string itemDescription, ErrorCollector errors, bool allowNullAsEmpty = false)
    {
        if (allowNullAsEmpty && NodeText.IsNull(node))
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            errors.Add(ConfigErrorKind.WrongType, path, NodeText.Show(node), $"a list of {itemDescription}", node);
            return null;
        }

        return sequence.Children.Select((child, index) => (child, $"{path}[{index}]")).ToArray();
    }

    // [0-9], not \d: \d also matches other scripts' digits (e.g. Arabic-Indic), which decimal.Parse then
    // refuses, and the value would be reported as out of range instead of as not a number.
    [GeneratedRegex(@"^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalSyntax();

    [GeneratedRegex(@"^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerSyntax();
}
