namespace Quorum.Data.Catalog;

/// <summary>A catalog operation failed; <see cref="Kind"/> says why and the message names the symbol, timeframe or file.</summary>
public sealed class CatalogException : Exception
{
    public CatalogException(CatalogErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public CatalogErrorKind Kind { get; }
}
