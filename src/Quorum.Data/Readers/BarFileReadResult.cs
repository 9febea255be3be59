using Quorum.Core.MarketData;
using Quorum.Core.Time;

namespace Quorum.Data.Readers;

/// <summary>What <see cref="BarFileReader.Read"/> read from one file.</summary>
/// <param name="Path">The file read.</param>
/// <param name="Bars">The bars, strictly ascending by open time, all closed.</param>
/// <param name="DetectedFormat">The layout recognised.</param>
/// <param name="InferredTimeframe">
/// The timeframe implied by the data: the smallest spacing between consecutive open times when it is a
/// supported timeframe and every open time is aligned to it (gaps allowed); for a single Binance kline,
/// <c>close_time - open_time + 1</c>. Null when it cannot be derived (e.g. monthly bars).
/// </param>
/// <param name="RowCount">Number of data rows read (equals <c>Bars.Length</c>).</param>
/// <param name="SourceOrder">Row order in the file; <see cref="RowOrder.NewestFirst"/> means the rows were reversed.</param>
public sealed record BarFileReadResult(
    string Path,
    Bar[] Bars,
    BarFileFormat DetectedFormat,
    Timeframe? InferredTimeframe,
    int RowCount,
    RowOrder SourceOrder);
