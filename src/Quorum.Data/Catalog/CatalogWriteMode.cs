namespace Quorum.Data.Catalog;

/// <summary>How <see cref="DataCatalog.Write"/> treats bars already stored for the same symbol and timeframe.</summary>
public enum CatalogWriteMode
{
    /// <summary>The stored file is replaced by the given series.</summary>
    Replace,

    /// <summary>
    /// The given series is merged with the stored bars by open time. A stored closed bar that differs from
    /// an incoming closed bar at the same open time is a conflict and nothing is written; a still-forming
    /// (not closed) bar gives way to a closed one, and between two still-forming bars the incoming wins.
    /// </summary>
    Merge,
}
