using Quorum.Data.Catalog;
using Quorum.Data.Synthetic;

namespace Quorum.Data.Demo;

/// <summary>The generated (synthetic) market and the catalog entries written for it.</summary>
public sealed record DemoDatasetResult(SyntheticMarket Market, IReadOnlyList<CatalogEntry> Entries);
