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
            var value = match.Success ? Unquote(match.Groups["value"].Value.Trim()) : null;
            if (value is null)
            {
                var allowed = match.Success ? "a quoted value closes its quote and is followed by nothing but a # comment" : "KEY=value, e.g. MODE=paper";
                errors.Add(new ConfigError(fileName, $"line {i + 1}", Show(line), allowed, ConfigErrorKind.Invalid)
                {
                    Line = i + 1,
                    Column = 1,
                });
                continue;
            }

            values[match.Groups["key"].Value] = value;
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

    /// <summary>A malformed line as an error shows it: shortened, and without the value when it is a secret's line.</summary>
    private static string Show(string line)
    {
        var name = line.StartsWith("export ", StringComparison.Ordinal) ? line["export ".Length..].TrimStart() : line;
        var secret = EnvironmentVariables.Secrets.FirstOrDefault(s => name.StartsWith(s, StringComparison.Ordinal) && !IsNameChar(name, s.Length));
        return secret is not null ? $"{secret}… (value hidden)" : line.Length > 40 ? line[..40] + "…" : line;

        static bool IsNameChar(string text, int index) => index < text.Length && (char.IsAsciiLetterOrDigit(text[index]) || text[index] == '_');
    }

    /// <summary>
    /// The value without its quotes or trailing comment; null when an opening quote is never closed or
    /// the closing quote is followed by anything but a <c># comment</c>.
    /// </summary>
    private static string? Unquote(string value)
    {
        if (value.Length > 0 && value[0] is '"' or '\'')
        {
            var quote = value[0];
            var inner = new System.Text.StringBuilder();
            for (var i = 1; i < value.Length; i++)
            {
                var c = value[i];
                if (c == quote)
                {
                    var rest = value[(i + 1)..].TrimStart();
                    return rest.Length == 0 || rest[0] == '#' ? inner.ToString() : null;
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

            return null;
        }

        var comment = InlineComment().Match(value);
        return comment.Success ? value[..comment.Index].TrimEnd() : value;
    }

    [GeneratedRegex(@"^(export\s+)?(?<key>[A-Za-z_][A-Za-z0-9_]*)\s*=\s*(?<value>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Assignment();

    [GeneratedRegex(@"\s+#", RegexOptions.CultureInvariant)]
    private static partial Regex InlineComment();
}
