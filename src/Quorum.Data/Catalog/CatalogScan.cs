namespace Quorum.Data.Catalog;

/// <summary>What <see cref="DataCatalog.Scan"/> found: the readable series and the files that could not be read (each error names its file).</summary>
public sealed record CatalogScan(IReadOnlyList<CatalogEntry> Entries, IReadOnlyList<CatalogException> Unreadable);
