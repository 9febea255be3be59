using Quorum.Core.Instruments;
using Quorum.Core.Time;

namespace Quorum.Data.Catalog;

/// <summary>One stored series of the catalog, as described by its file header.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Timeframe">The timeframe.</param>
/// <param name="BarCount">Number of bars stored.</param>
/// <param name="FirstOpenTimeMs">Open time of the first bar (UTC ms).</param>
/// <param name="LastOpenTimeMs">Open time of the last bar (UTC ms).</param>
/// <param name="SizeBytes">Size of the file.</param>
/// <param name="IsSynthetic">True for generated data (the <c>SYNTH</c> venue), never real market data.</param>
/// <param name="FilePath">Full path of the <c>.qbars</c> file.</param>
public sealed record CatalogEntry(
    Symbol Symbol,
    Timeframe Timeframe,
    int BarCount,
    long FirstOpenTimeMs,
    long LastOpenTimeMs,
    long SizeBytes,
    bool IsSynthetic,
    string FilePath);
