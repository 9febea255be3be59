using System.Globalization;
using Quorum.Core.MarketData;
using Quorum.Core.Time;

namespace Quorum.Data.Readers;

/// <summary>
/// Collects parsed rows, rejecting anything that cannot be a bar (non-positive prices, negative
/// volume, high below low, misaligned times when a timeframe is given) and anything out of order
/// (duplicates, unsorted rows — both rows are named). Open/close outside [low, high] is left to the
/// integrity checker. Rows are never reordered, except that a layout documented as newest first may
/// be strictly descending and is then reversed.
/// </summary>
internal sealed class BarRowSink
{
    private readonly SourceText _source;
    private readonly Timeframe? _timeframe;
    private readonly IReadOnlyList<string> _columns;
    private readonly bool _allowNewestFirst;
    private Bar[] _bars;
    private int _count;
    private RowLocation _previousLocation;
    private bool _descending;
    private long _minimumSpacing = long.MaxValue;

    /// <param name="source">The file (for messages).</param>
    /// <param name="timeframe">When given, every open time must be aligned to it.</param>
    /// <param name="columns">Descriptions of the time, open, high, low, close and volume columns, in that order.</param>
    /// <param name="allowNewestFirst">Accept strictly descending rows (direction taken from the first two rows).</param>
    /// <param name="capacityHint">Expected number of rows.</param>
    public BarRowSink(SourceText source, Timeframe? timeframe, IReadOnlyList<string> columns, bool allowNewestFirst, int capacityHint)
    {
        _source = source;
        _timeframe = timeframe;
        _columns = columns;
        _allowNewestFirst = allowNewestFirst;
        _bars = new Bar[Math.Max(16, capacityHint)];
    }

    public int Count => _count;

    public RowOrder Order => _descending ? RowOrder.NewestFirst : RowOrder.OldestFirst;

    public void Add(long openTimeMs, decimal open, decimal high, decimal low, decimal close, decimal volume, RowLocation location)
    {
        RequirePrice(open, 1, location);
        RequirePrice(high, 2, location);
        RequirePrice(low, 3, location);
        RequirePrice(close, 4, location);
        if (volume < 0)
        {
            throw _source.Error(location, _columns[5], Text(volume), "is a negative volume (expected a number ≥ 0)");
        }

        if (high < low)
        {
            throw _source.Error(location, null, null, $"high {Text(high)} is below low {Text(low)} (expected high ≥ low)");
        }

        if (_timeframe is { } timeframe && !timeframe.IsAligned(openTimeMs))
        {
            throw _source.Error(
                location,
                _columns[0],
                null,
                $"open time {TimestampText.Format(openTimeMs)} is not aligned to the {timeframe} timeframe " +
                $"(expected {TimestampText.Format(timeframe.AlignDown(openTimeMs))} or {TimestampText.Format(timeframe.AlignDown(openTimeMs) + timeframe.Milliseconds)})");
        }

        if (_count > 0)
        {
            CheckOrder(openTimeMs, location);
        }

        if (_count == _bars.Length)
        {
            Array.Resize(ref _bars, _bars.Length * 2);
        }

        _bars[_count++] = new Bar(openTimeMs, open, high, low, close, volume);
        _previousLocation = location;
    }

    /// <summary>The bars oldest first, and the timeframe implied by their spacing (null when none fits).</summary>
    public (Bar[] Bars, Timeframe? Inferred) Complete()
    {
        var bars = _bars.AsSpan(0, _count).ToArray();
        if (_descending)
        {
            Array.Reverse(bars);
        }

        return (bars, InferTimeframe(bars, _minimumSpacing));
    }

    private static Timeframe? InferTimeframe(Bar[] bars, long minimumSpacing)
    {
        if (bars.Length < 2 || !Timeframe.TryFromMilliseconds(minimumSpacing, out var candidate))
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

            throw _source.Error(location, _columns[0], null, problem);
        }

        _minimumSpacing = Math.Min(_minimumSpacing, Math.Abs(openTimeMs - previous));
    }

    private void RequirePrice(decimal price, int column, RowLocation location)
    {
        if (price <= 0)
        {
            throw _source.Error(location, _columns[column], Text(price), "is not a valid price (expected a number > 0)");
        }
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
