using Quorum.Configuration;
using Quorum.Data.Catalog;
using Quorum.Data.Import;
using Quorum.Data.Readers;

namespace Quorum.Cli;

/// <summary>Which exceptions mean "bad input" (exit 2) rather than a runtime failure (exit 1).</summary>
internal static class CliErrors
{
    public static bool IsBadInput(Exception exception) => exception switch
    {
        ConfigValidationException => true,
        DataFormatException => true,
        DataImportException => true,
        CatalogException { Kind: not CatalogErrorKind.CorruptFile } => true,
        FileNotFoundException => true,
        DirectoryNotFoundException => true,
        FormatException => true,
        ArgumentException => true,
        _ => false,
    };
}
