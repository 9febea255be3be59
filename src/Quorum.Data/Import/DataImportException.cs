namespace Quorum.Data.Import;

/// <summary>
/// An import was refused because of what the input contains (wrong timeframe, integrity errors,
/// a reserved venue). The catalog is left unchanged.
/// </summary>
public sealed class DataImportException : Exception
{
    public DataImportException()
    {
    }

    public DataImportException(string message)
        : base(message)
    {
    }

    public DataImportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
