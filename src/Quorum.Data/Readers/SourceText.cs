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

    public static SourceText Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var data = File.ReadAllBytes(path);
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
}
