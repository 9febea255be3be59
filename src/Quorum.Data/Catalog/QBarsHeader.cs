using Quorum.Core.Instruments;
using Quorum.Core.Time;

namespace Quorum.Data.Catalog;

/// <summary>The fixed part of a <c>.qbars</c> file (see docs/data-format.md).</summary>
internal readonly record struct QBarsHeader(
    ushort Version,
    QBarsFlags Flags,
    byte PriceScale,
    byte VolumeScale,
    Symbol Symbol,
    Timeframe Timeframe,
    int Count,
    long FirstOpenTimeMs,
    long LastOpenTimeMs,
    long FileLength,
    ulong Checksum)
{
    public bool IsSynthetic => (Flags & QBarsFlags.Synthetic) != 0;

    public bool IsFixedStride => (Flags & QBarsFlags.FixedStride) != 0;

    public bool PricesRaw => (Flags & QBarsFlags.PricesRaw) != 0;

    public bool VolumeRaw => (Flags & QBarsFlags.VolumeRaw) != 0;
}
