using Quorum.Data.Catalog;
using Quorum.Data.Integrity;
using Quorum.Data.Readers;

namespace Quorum.Data.Import;

/// <summary>What an import read, what the integrity check found (gaps only — errors refuse the import) and what the catalog now holds.</summary>
public sealed record ImportResult(BarFileReadResult Read, IntegrityReport Report, CatalogEntry Entry);
