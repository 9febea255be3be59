using System.Runtime.CompilerServices;
using Quorum.Core.MarketData;

namespace Quorum.Data.Resampling;

/// <summary>
/// The running aggregate of one target bucket, shared by <see cref="Resampler"/> and
/// <see cref="BarAggregator"/>: open of the first constituent, highest high, lowest low, close of
/// the last constituent, sum of volumes, and the number of constituents.
/// </summary>
/// <remarks>
/// A mutable struct held in a local or a field and updated in place, so aggregating allocates
/// nothing; the updates are inlined into the resampling loop.
/// </remarks>
internal struct BarBucket
{
    private decimal _open;
    private decimal _high;
    private decimal _low;
    private decimal _close;
    private decimal _volume;

    /// <summary>Number of source bars aggregated since the last <see cref="Start"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Starts a new bucket with <paramref name="bar"/> as its first constituent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Start(in Bar bar)
    {
        _open = bar.Open;
        _high = bar.High;
        _low = bar.Low;
        _close = bar.Close;
        _volume = bar.Volume;
        Count = 1;
    }

    /// <summary>Adds <paramref name="bar"/>, which follows the previous constituent, to the bucket.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Merge(in Bar bar)
    {
        if (bar.High > _high)
        {
            _high = bar.High;
        }

        if (bar.Low < _low)
        {
            _low = bar.Low;
        }

        _close = bar.Close;
        _volume += bar.Volume;
        Count++;
    }

    /// <summary>The bucket as a bar opening at <paramref name="openTimeMs"/>.</summary>
    public readonly Bar ToBar(long openTimeMs, bool isClosed = true) =>
        new(openTimeMs, _open, _high, _low, _close, _volume, isClosed);
}
