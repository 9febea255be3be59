namespace Quorum.Data.Catalog;

/// <summary>Header flags of a <c>.qbars</c> file.</summary>
[Flags]
internal enum QBarsFlags : ushort
{
    None = 0,

    /// <summary>Generated data (the SYNTH venue).</summary>
    Synthetic = 1,

    /// <summary>Every open time is the previous plus one bar length: the time column is omitted.</summary>
    FixedStride = 2,

    /// <summary>Prices are stored as raw 16-byte decimals because some value does not fit an int64 mantissa at the common scale.</summary>
    PricesRaw = 4,

    /// <summary>Volumes are stored as raw 16-byte decimals for the same reason.</summary>
    VolumeRaw = 8,

    /// <summary>Every flag this version knows.</summary>
    Known = Synthetic | FixedStride | PricesRaw | VolumeRaw,
}
