namespace Quorum.Data.Catalog;

/// <summary>Why a catalog operation failed.</summary>
public enum CatalogErrorKind
{
    /// <summary>The requested symbol and timeframe are not in the catalog.</summary>
    NotFound,

    /// <summary>A merge found a bar whose values differ from the stored bar at the same open time.</summary>
    MergeConflict,

    /// <summary>The series given to <see cref="DataCatalog.Write"/> is not storable (unsorted, misaligned, insane prices, empty).</summary>
    InvalidSeries,

    /// <summary>A catalog file is truncated, corrupt, of an unknown version, or not where its header says it belongs.</summary>
    CorruptFile,
}
