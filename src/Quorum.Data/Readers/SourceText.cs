using System.Text.Json;

namespace Quorum.Data.Readers;

/// <summary>A file's bytes (UTF-8 BOM removed) and how to describe places in it for error messages.</summary>
internal sealed class SourceText
{
    private readonly byte[] _data;
    private readonly int _start;

    private SourceText(string path, byte[] data, int start)
    {
        Path = path;
        _data = data;
        _start = start;
    }

    public string Path { get; }

    /// <summary>The content after any UTF-8 byte-order mark.</summary>
    public ReadOnlySpan<byte> Content => _data.AsSpan(_start);

    /// <summary>True when the content holds nothing but whitespace.</summary>
    public bool IsBlank => Content.Trim(" \t\r\n"u8).IsEmpty;

    /// <summary>The first non-whitespace byte, or 0 when blank.</summary>
    public byte FirstSignificantByte
    {
        get
        {
            var trimmed = Content.TrimStart(" \t\r\n"u8);
            return trimmed.IsEmpty ? (byte)0 : trimmed[0];
        }
    }

    /// <summary>Reads <paramref name="path"/>; refuses content that is not UTF-8 text (UTF-16/32, archives).</summary>
    /// <exception cref="DataFormatException">The file is not UTF-8 or ASCII text.</exception>
    public static SourceText Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var data = File.ReadAllBytes(path);
        if (NotText(data) is { } problem)
        {
            throw new DataFormatException(path, null, null, null, problem);
        }

        var start = data.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        return new SourceText(path, data, start);
    }

    /// <summary>1-based line number of a byte offset within <see cref="Content"/>.</summary>
    public long LineOf(long byteOffset)
    {
        var end = (int)Math.Clamp(byteOffset, 0, Content.Length);
        return Content[..end].Count((byte)'\n') + 1;
    }

    public string Describe(RowLocation location) =>
        location.IsJsonElement
            ? $"element [{location.Index}] (line {LineOf(location.ByteOffset)})"
            : $"line {location.Index}";

    public DataFormatException Error(RowLocation location, string? column, string? value, string problem) =>
        new(Path, Describe(location), column, value, problem);

    public DataFormatException Error(string problem, Exception? innerException = null) =>
        new(Path, null, null, null, problem, innerException);

    /// <summary>The error for JSON the reader could not tokenize, naming the line it stopped on.</summary>
    public DataFormatException InvalidJson(JsonException exception) =>
        new(Path, $"line {(exception.LineNumber ?? 0) + 1}", null, null, $"is not valid JSON ({exception.Message})", exception);

    /// <summary>Why <paramref name="data"/> is not UTF-8/ASCII text, or null when it may be.</summary>
    private static string? NotText(ReadOnlySpan<byte> data)
    {
        const string Expected = "expected UTF-8 or ASCII text";
        if (data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]) || data.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return $"is UTF-32 text ({Expected}; save it as UTF-8)";
        }

        if (data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || data.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ||
            (data.Length >= 2 && (data[0] == 0 || data[1] == 0)))
        {
            return $"is UTF-16 text or binary data ({Expected}; save it as UTF-8)";
        }

        if (data.StartsWith("PK\u0003\u0004"u8))
        {
            return $"is a ZIP archive ({Expected}; unzip it first: data.binance.vision serves each CSV inside a .zip)";
        }

        if (data.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]))
        {
            return $"is gzip-compressed ({Expected}; decompress it first)";
        }

        return null;
    }
}
