using System.Text;

namespace Quorum.Data.Readers;

/// <summary>
/// Minimal CSV tokenizing over UTF-8 bytes: lines end in LF or CRLF, fields are separated by
/// commas, surrounding spaces/tabs and one pair of surrounding double quotes are removed.
/// Quoted fields containing commas are not supported (market data files do not use them).
/// </summary>
internal static class CsvText
{
    /// <summary>Splits <paramref name="line"/> into <paramref name="fields"/>; returns the true field count (may exceed the span).</summary>
    public static int Split(ReadOnlySpan<byte> line, Span<Range> fields)
    {
        var count = 0;
        var start = 0;
        for (var i = 0; ; i++)
        {
            if (i == line.Length || line[i] == (byte)',')
            {
                if (count < fields.Length)
                {
                    fields[count] = Trim(line, start, i);
                }

                count++;
                if (i == line.Length)
                {
                    return count;
                }

                start = i + 1;
            }
        }
    }

    public static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim(" \t\r"u8).IsEmpty;

    public static string Text(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);

    /// <summary>Header cell normalised for matching: trimmed, lower-case, spaces and underscores removed.</summary>
    public static string NormalizeName(ReadOnlySpan<byte> cell)
    {
        var text = Text(cell).Trim().ToLowerInvariant();
        return text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
    }

    /// <summary>The cells of a header line as written (for messages) and normalised (for matching, see <see cref="NormalizeName"/>).</summary>
    public static (string[] Names, string[] Normalized) HeaderNames(ReadOnlySpan<byte> line, ReadOnlySpan<Range> cells)
    {
        var names = new string[cells.Length];
        var normalized = new string[cells.Length];
        for (var i = 0; i < cells.Length; i++)
        {
            names[i] = Text(line[cells[i]]);
            normalized[i] = NormalizeName(line[cells[i]]);
        }

        return (names, normalized);
    }

    /// <summary>How a column is named in messages: <c>column 3 (High)</c>, 1-based.</summary>
    public static string DescribeColumn(int index, string name) => $"column {index + 1} ({name})";

    /// <summary>
    /// When a one-cell header holds a semicolon or a tab, a hint that the file uses another separator
    /// (" (fields must be separated by commas, found ';')"); otherwise an empty string.
    /// </summary>
    public static string SeparatorHint(ReadOnlySpan<byte> line, int cellCount)
    {
        if (cellCount != 1)
        {
            return string.Empty;
        }

        return line.Contains((byte)';') ? " (fields must be separated by commas, found ';')"
            : line.Contains((byte)'\t') ? " (fields must be separated by commas, found tabs)"
            : string.Empty;
    }

    private static Range Trim(ReadOnlySpan<byte> line, int start, int end)
    {
        while (start < end && line[start] is (byte)' ' or (byte)'\t')
        {
            start++;
        }

        while (end > start && line[end - 1] is (byte)' ' or (byte)'\t' or (byte)'\r')
        {
            end--;
        }

        if (end - start >= 2 && line[start] == (byte)'"' && line[end - 1] == (byte)'"')
        {
            start++;
            end--;
        }

        return new Range(start, end);
    }
}
