using System.Globalization;
using Quorum.Core.MarketData;
using Quorum.Core.Time;

namespace Quorum.Data.Readers;

/// <summary>
/// Collects parsed rows (whose prices are already known to be positive and volume non-negative, see
/// <see cref="BarRowParser"/>), rejecting rows that cannot be a bar (high below low, misaligned times
/// when a timeframe is given) and anything out of order (duplicates, unsorted rows — both rows are named). Open/close outside [low, high] is left to the
/// integrity checker. Rows are never reordered, except that a layout documented as newest first may
/// be strictly descending and is then reversed.
/// </summary>
internal sealed class BarRowSink
{
    private readonly SourceText _source;
    private readonly Timeframe? _timeframe;
    private readonly string _timeColumn;
    private readonly bool _allowNewestFirst;
    private Bar[] _bars;
    private int _count;
    private RowLocation _previousLocation;
    private bool _descending;
    private long _minimumSpacing = long.MaxValue;
    private long _firstDeclaredLength;

    /// <param name="source">The file (for messages).</param>
    /// <param name="timeframe">When given, every open time must be aligned to it.</param>
    /// <param name="timeColumn">How the open-time column is named in messages.</param>
    /// <param name="allowNewestFirst">Accept strictly descending rows (direction taken from the first two rows).</param>
    /// <param name="capacityHint">Expected number of rows.</param>
    public BarRowSink(SourceText source, Timeframe? timeframe, string timeColumn, bool allowNewestFirst, int capacityHint)
    {
        _source = source;
        _timeframe = timeframe;
        _timeColumn = timeColumn;
        _allowNewestFirst = allowNewestFirst;
        _bars = new Bar[Math.Max(16, capacityHint)];
    }

    public int Count => _count;

    public RowOrder Order => _descending ? RowOrder.NewestFirst : RowOrder.OldestFirst;

    /// <summary>
    /// Adds one row. <paramref name="declaredLengthMs"/> is the row's close time - open time + 1 ms
    /// (Binance layouts), or 0 when the layout has no close time.
    /// </summary>
    public void Add(long openTimeMs, decimal open, decimal high, decimal low, decimal close, decimal volume, long declaredLengthMs, RowLocation location)
    {
        if (high < low)
        {
            throw _source.Error(location, null, null, $"high {Text(high)} is below low {Text(low)} (expected high ≥ low)");
        }

        if (_timeframe is { } timeframe && !timeframe.IsAligned(openTimeMs))
        {
            throw _source.Error(
                location,
                _timeColumn,
                null,
                $"open time {TimestampText.Format(openTimeMs)} is not aligned to the {timeframe} timeframe " +
                $"(expected {TimestampText.Format(timeframe.AlignDown(openTimeMs))} or {TimestampText.Format(timeframe.AlignDown(openTimeMs) + timeframe.Milliseconds)})");
        }

        if (_count > 0)
        {
            CheckOrder(openTimeMs, location);
        }
        else
        {
            _firstDeclaredLength = declaredLengthMs;
        }

        if (_count == _bars.Length)
        {
            Array.Resize(ref _bars, _bars.Length * 2);
        }

        _bars[_count++] = new Bar(openTimeMs, open, high, low, close, volume);
        _previousLocation = location;
    }

    /// <summary>
    /// The bars oldest first, and the timeframe they imply: their spacing (see
    /// <see cref="BarFileReadResult.InferredTimeframe"/>) or, for a single row with a close time, its
    /// declared length; null when none fits.
    /// </summary>
    public (Bar[] Bars, Timeframe? Inferred) Complete()
    {
        var bars = _bars.AsSpan(0, _count).ToArray();
        if (_descending)
        {
            Array.Reverse(bars);
        }

        return (bars, InferTimeframe(bars));
    }

    private Timeframe? InferTimeframe(Bar[] bars)
    {
        if (bars.Length == 1)
        {
            return Timeframe.TryFromMilliseconds(_firstDeclaredLength, out var declared) ? declared : null;
        }

        if (bars.Length < 2 || !Timeframe.TryFromMilliseconds(_minimumSpacing, out var candidate))
        {
            return null;
        }

        foreach (var bar in bars)
        {
            if (!candidate.IsAligned(bar.OpenTimeMs))
            {
                return null;
            }
        }

        return candidate;
    }

    private void CheckOrder(long openTimeMs, RowLocation location)
    {
        var previous = _bars[_count - 1].OpenTimeMs;
        if (_count == 1 && _allowNewestFirst && openTimeMs < previous)
        {
            _descending = true;
        }

        var inOrder = _descending ? openTimeMs < previous : openTimeMs > previous;
        if (!inOrder)
        {
            var previousPlace = _source.Describe(_previousLocation);
            string problem;
            if (openTimeMs == previous)
            {
                problem = $"open time {TimestampText.Format(openTimeMs)} duplicates {previousPlace} (each open time must appear once)";
            }
            else if (_descending)
            {
                problem = $"open time {TimestampText.Format(openTimeMs)} is after {TimestampText.Format(previous)} on {previousPlace}: " +
                          "this file is newest first, so open times must strictly decrease (rows are never reordered)";
            }
            else
            {
                problem = $"open time {TimestampText.Format(openTimeMs)} is before {TimestampText.Format(previous)} on {previousPlace}: " +
                          "rows must be oldest first with strictly ascending open times (rows are never reordered)";
            }

            throw _source.Error(location, _timeColumn, null, problem);
        }

        _minimumSpacing = Math.Min(_minimumSpacing, Math.Abs(openTimeMs - previous));
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
