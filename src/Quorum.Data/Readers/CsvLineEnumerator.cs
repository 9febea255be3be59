namespace Quorum.Data.Readers;

/// <summary>
/// Enumerates the lines of a UTF-8 buffer with their 1-based numbers. Lines end in LF, CRLF or a
/// lone CR (classic Mac, some spreadsheet exports); the terminator is not part of the line.
/// </summary>
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
        var end = rest.IndexOfAny((byte)'\n', (byte)'\r');
        if (end < 0)
        {
            Current = rest;
            _position = _data.Length;
        }
        else
        {
            Current = rest[..end];
            var terminator = rest[end] == (byte)'\r' && end + 1 < rest.Length && rest[end + 1] == (byte)'\n' ? 2 : 1;
            _position += end + terminator;
        }

        LineNumber++;
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
