using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Quorum.Configuration.Parsing;

/// <summary>Reads a config file's bytes and parses them into a root mapping, reporting file and syntax problems.</summary>
internal static class YamlDocuments
{
    private const string WellFormed = "fix the YAML syntax";

    /// <summary>The file's bytes, or null (with an error) when it is missing or unreadable.</summary>
    public static byte[]? ReadBytes(string path, ErrorCollector errors)
    {
        var fullPath = Path.GetFullPath(path);
        try
        {
            return File.ReadAllBytes(fullPath);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            errors.Add(ConfigErrorKind.FileUnreadable, string.Empty, fullPath, "file not found; every config directory must hold it");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            errors.Add(ConfigErrorKind.FileUnreadable, string.Empty, fullPath, exception.Message);
        }

        return null;
    }

    public static string Decode(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>The document's root mapping, or null (with an error) when the text is not one YAML mapping.</summary>
    public static YamlMappingNode? ParseRoot(string text, ErrorCollector errors, string expected)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            errors.Add(new ConfigError(errors.File, string.Empty, Describe(exception), WellFormed, ConfigErrorKind.Syntax)
            {
                Line = (int)exception.Start.Line,
                Column = (int)exception.Start.Column,
            });
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet throws this (without a position) for an unclosed flow collection; find where parsing stopped.
            var last = LastGoodPosition(text);
            errors.Add(new ConfigError(errors.File, string.Empty, "unexpected end of a flow collection (an unclosed '[' or '{'?)", WellFormed, ConfigErrorKind.Syntax)
            {
                Line = (int)last.Line,
                Column = (int)last.Column,
            });
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            errors.Add(ConfigErrorKind.WrongType, string.Empty, "(empty file)", expected);
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            errors.Add(ConfigErrorKind.Invalid, string.Empty, $"{stream.Documents.Count} documents", "a config file holds exactly one YAML document; remove the extra '---'", stream.Documents[1].RootNode);
            return null;
        }

        var root = stream.Documents[0].RootNode;
        if (root is YamlMappingNode mapping)
        {
            return mapping;
        }

        if (NodeText.IsNull(root))
        {
            errors.Add(ConfigErrorKind.WrongType, string.Empty, "(empty file)", expected, root);
        }
        else
        {
            errors.Add(ConfigErrorKind.WrongType, string.Empty, NodeText.Show(root), expected, root);
        }

        return null;
    }

    private static string Describe(YamlException exception)
    {
        var message = exception.Message;
        var inner = exception.InnerException?.Message;
        return string.IsNullOrEmpty(inner) || message.Contains(inner, StringComparison.Ordinal) ? message : $"{message} {inner}";
    }

    private static Mark LastGoodPosition(string text)
    {
        var last = new Mark(0, 1, 1);
        try
        {
            var parser = new Parser(new StringReader(text));
            while (parser.MoveNext())
            {
                if (parser.Current is { } current)
                {
                    last = current.End;
                }
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or YamlException)
        {
            // The position of the last event parsed is what we report.
        }

        return last;
    }
}
