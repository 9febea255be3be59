using System.CommandLine;
using Quorum.Data.Catalog;

namespace Quorum.Cli.Commands.Data;

/// <summary>Where the catalog is: <c>--data-dir</c>, else <c>$QUORUM_DATA_DIR</c>, else <c>~/.quorum/data</c>.</summary>
internal static class CatalogLocator
{
    public static DataCatalog Open(CliContext context, ParseResult parseResult)
    {
        var explicitDirectory = parseResult.GetValue<string?>("--data-dir");
        var root = !string.IsNullOrWhiteSpace(explicitDirectory)
            ? Path.GetFullPath(explicitDirectory)
            : DataCatalog.DefaultRoot(context.Environment.Get, context.Environment.HomeDirectory);
        return new DataCatalog(root);
    }
}
