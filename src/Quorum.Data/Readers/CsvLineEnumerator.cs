namespace Quorum.Data.Readers;

/// <summary>Enumerates the lines of a UTF-8 buffer with their 1-based numbers (a trailing CR is removed).</summary>
internal ref struct CsvLineEnumerator
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public CsvLineEnumerator(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
        LineNumber = 0;
        Current = default;
    }

    public int LineNumber { get; private set; }

    public ReadOnlySpan<byte> Current { get; private set; }

    public bool MoveNext()
    {
        if (_position >= _data.Length)
        {
            return false;
        }

        var rest = _data[_position..];
        var newline = rest.IndexOf((byte)'\n');
        var line = newline < 0 ? rest : rest[..newline];
        _position += newline < 0 ? rest.Length : newline + 1;
        if (!line.IsEmpty && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        LineNumber++;
        Current = line;
        return true;
    }

    /// <summary>Advances to the next non-blank line.</summary>
    public bool MoveNextNonBlank()
    {
        while (MoveNext())
        {
            if (!CsvText.IsBlank(Current))
            {
                return true;
            }
        }

        return false;
    }
}
