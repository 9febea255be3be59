namespace Quorum.Data.Readers;

/// <summary>
/// A data file could not be read: the message names the file, where in it (1-based line, or JSON
/// element index), the column, the offending value and what was expected, e.g.
/// <c>BTCUSDT_1h.csv: line 7, column 3 (high): value 'abc' is not a number (expected a decimal such as 42314.5 or 5.657e-05)</c>.
/// Readers never return partial data: when this is thrown, nothing was read.
/// </summary>
public sealed class DataFormatException : Exception
{
    public DataFormatException()
        : this("data file is malformed")
    {
    }

    public DataFormatException(string message)
        : base(message)
    {
        FilePath = string.Empty;
    }

    public DataFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        FilePath = string.Empty;
    }

    /// <summary>Creates the exception with a message built from its parts.</summary>
    /// <param name="filePath">The file being read.</param>
    /// <param name="location">Where in the file, e.g. <c>line 7</c> or <c>element [12] (line 1)</c>; null for the whole file.</param>
    /// <param name="column">The column or field, e.g. <c>column 3 (high)</c>; null when not about one column.</param>
    /// <param name="value">The offending text; null when there is none.</param>
    /// <param name="problem">What is wrong and what was expected.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public DataFormatException(string filePath, string? location, string? column, string? value, string problem, Exception? innerException = null)
        : base(Compose(filePath, location, column, value, problem), innerException)
    {
        FilePath = filePath;
        Location = location;
        Column = column;
        Value = value;
        Problem = problem;
    }

    /// <summary>The file that could not be read.</summary>
    public string FilePath { get; }

    /// <summary>Where in the file (<c>line 7</c>, <c>element [12] (line 1)</c>), or null for the whole file.</summary>
    public string? Location { get; }

    /// <summary>The column or field the problem is in, or null.</summary>
    public string? Column { get; }

    /// <summary>The offending value as written in the file, or null.</summary>
    public string? Value { get; }

    /// <summary>What was wrong and what is allowed.</summary>
    public string? Problem { get; }

    private static string Compose(string filePath, string? location, string? column, string? value, string problem)
    {
        var where = filePath;
        if (location is not null)
        {
            where += ": " + location;
        }

        if (column is not null)
        {
            where += (location is null ? ": " : ", ") + column;
        }

        return value is null ? $"{where}: {problem}" : $"{where}: value '{Shorten(value)}' {problem}";
    }

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..77] + "...";
}
