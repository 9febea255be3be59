using System.Text.RegularExpressions;
using Quorum.Configuration.Parsing;

namespace Quorum.Configuration;

/// <summary>
/// Reads a <c>.env</c> file (seed 001 keeps <c>MODE</c>, keys and ports there): <c>KEY=value</c> lines,
/// <c># comments</c>, optional <c>export</c>, single or double quotes, and a trailing
/// <c>  # comment</c> after an unquoted value (as in the seed's <c>MODE=paper  # или live</c>).
/// Process environment variables win over the file (<see cref="Layer"/>).
/// </summary>
public static partial class DotEnvFile
{
    /// <summary>The default file name, looked for in the working directory.</summary>
    public const string DefaultFileName = ".env";

    /// <summary>Parses <paramref name="text"/>; throws <see cref="ConfigValidationException"/> naming every malformed line.</summary>
    public static IReadOnlyDictionary<string, string?> Parse(string text, string fileName = DefaultFileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new ErrorCollector(fileName);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var match = Assignment().Match(line);
            if (!match.Success)
            {
                errors.Add(new ConfigError(fileName, $"line {i + 1}", line.Length > 40 ? line[..40] + "…" : line, "KEY=value, e.g. MODE=paper", ConfigErrorKind.Invalid)
                {
                    Line = i + 1,
                    Column = 1,
                });
                continue;
            }

            values[match.Groups["key"].Value] = Unquote(match.Groups["value"].Value.Trim());
        }

        return errors.Count == 0 ? values : throw new ConfigValidationException(errors.Errors);
    }

    /// <summary>Reads <paramref name="path"/>; an absent file gives no variables.</summary>
    public static IReadOnlyDictionary<string, string?> Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return File.Exists(path)
            ? Parse(File.ReadAllText(path), Path.GetFileName(path))
            : new Dictionary<string, string?>(StringComparer.Ordinal);
    }

    /// <summary>A lookup that asks <paramref name="primary"/> (the process environment) first, then the file's values.</summary>
    public static Func<string, string?> Layer(Func<string, string?> primary, IReadOnlyDictionary<string, string?> fallback)
    {
        ArgumentNullException.ThrowIfNull(primary);
        ArgumentNullException.ThrowIfNull(fallback);
        return name => primary(name) is { Length: > 0 } value ? value : fallback.GetValueOrDefault(name);
    }

    private static string Unquote(string value)
    {
        if (value.Length >= 2 && value[0] is '"' or '\'')
        {
            var quote = value[0];
            var inner = new System.Text.StringBuilder();
            for (var i = 1; i < value.Length; i++)
            {
                var c = value[i];
                if (c == quote)
                {
                    return inner.ToString();
                }

                if (quote == '"' && c == '\\' && i + 1 < value.Length)
                {
                    i++;
                    inner.Append(value[i] == 'n' ? '\n' : value[i]);
                }
                else
                {
                    inner.Append(c);
                }
            }
        }

        var comment = InlineComment().Match(value);
        return comment.Success ? value[..comment.Index].TrimEnd() : value;
    }

    [GeneratedRegex(@"^(export\s+)?(?<key>[A-Za-z_][A-Za-z0-9_]*)\s*=\s*(?<value>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Assignment();

    [GeneratedRegex(@"\s+#", RegexOptions.CultureInvariant)]
    private static partial Regex InlineComment();
}
