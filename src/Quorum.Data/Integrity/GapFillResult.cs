using Quorum.Core.MarketData;

namespace Quorum.Data.Integrity;

/// <summary>
/// The outcome of <see cref="GapFiller.FillWithDetails"/>: the filled series and which bars
/// were synthesized, so reports can say so.
/// </summary>
public sealed class GapFillResult
{
    private readonly long[] _filledOpenTimesMs;

    internal GapFillResult(BarSeries series, long[] filledOpenTimesMs, IReadOnlyList<BarGap> filledGaps)
    {
        Series = series;
        _filledOpenTimesMs = filledOpenTimesMs;
        FilledGaps = filledGaps;
    }

    /// <summary>The series with every gap filled by flat, zero-volume bars.</summary>
    public BarSeries Series { get; }

    /// <summary>Open times (UTC ms, ascending) of the synthesized bars.</summary>
    public IReadOnlyList<long> FilledOpenTimesMs => _filledOpenTimesMs;

    /// <summary>The gaps that were filled (indices refer to the original series).</summary>
    public IReadOnlyList<BarGap> FilledGaps { get; }

    public int FilledBarCount => _filledOpenTimesMs.Length;

    /// <summary>True when the bar opening at <paramref name="openTimeMs"/> was synthesized.</summary>
    public bool IsFilled(long openTimeMs) => Array.BinarySearch(_filledOpenTimesMs, openTimeMs) >= 0;
}
