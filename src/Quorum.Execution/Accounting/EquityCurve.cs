using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Quorum.Core;

namespace Quorum.Execution.Accounting;

/// <summary>
/// Equity sampled at times the runner chooses (once per distinct bar close time of the primary timeframe): time and
/// equity in two parallel arrays (24 bytes a point: a one-year 1m backtest writes one point per bar, so every byte stored
/// per point is memory the run touches), with the running peak and the maximum drawdown kept as points arrive. The
/// drawdown series is derived from the equity when it is read. Storage is preallocated and grows geometrically (×2), so
/// appending allocates nothing in steady state; the read side hands out spans over the recorded prefix (valid until the
/// next <see cref="Add"/>) or copies as arrays.
/// </summary>
public sealed class EquityCurve
{
    /// <summary>Capacity used when none is given.</summary>
    public const int DefaultCapacity = 1024;

    private long[] _times;
    private decimal[] _equity;
    private decimal _trough;
    private decimal[] _drawdown = [];
    private int _drawdownCount;
    private decimal _drawdownPeak;

    /// <summary>Creates an empty curve with room for <paramref name="capacity"/> points before it first grows.</summary>
    public EquityCurve(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _times = new long[capacity];
        _equity = new decimal[capacity];
    }

    /// <summary>Number of recorded points.</summary>
    public int Count { get; private set; }

    /// <summary>Points that fit before the storage grows.</summary>
    public int Capacity => _times.Length;

    /// <summary>Highest equity recorded so far (0 before the first point).</summary>
    public decimal Peak { get; private set; }

    /// <summary>Largest drawdown fraction recorded so far, (peak − equity) / peak, 0 ≤ x (0 before the first point).</summary>
    public decimal MaxDrawdown { get; private set; }

    /// <summary>Sample times (UTC ms), strictly increasing.</summary>
    public ReadOnlySpan<long> Times => _times.AsSpan(0, Count);

    /// <summary>Equity (quote asset) at each time.</summary>
    public ReadOnlySpan<decimal> Equity => _equity.AsSpan(0, Count);

    /// <summary>
    /// Drawdown from the running peak as a fraction, (peak − equity) / peak, at each time; 0 at a new peak and while the
    /// peak is not positive. Computed from <see cref="Equity"/> on first read after new points (the points read before are
    /// not recomputed).
    /// </summary>
    public ReadOnlySpan<decimal> Drawdown
    {
        get
        {
            if (_drawdownCount < Count)
            {
                if (_drawdown.Length < Count)
                {
                    Array.Resize(ref _drawdown, _times.Length);
                }

                for (var i = _drawdownCount; i < Count; i++)
                {
                    var equity = _equity[i];
                    if (i == 0 || equity > _drawdownPeak)
                    {
                        _drawdownPeak = equity;
                    }

                    _drawdown[i] = _drawdownPeak > 0m ? (_drawdownPeak - equity) / _drawdownPeak : 0m;
                }

                _drawdownCount = Count;
            }

            return _drawdown.AsSpan(0, Count);
        }
    }

    /// <summary>
    /// Appends a point. <paramref name="timeMs"/> must be after the previous point's time (the curve has one point per
    /// distinct time; time going backwards is a bug).
    /// </summary>
    public void Add(long timeMs, decimal equity)
    {
        // Runs at every bar close of a backtest: locals instead of repeated field reads, and the peak/trough work (rare
        // next to flat or unchanged equity) out of line.
        var count = Count;
        var times = _times;
        if (count > 0)
        {
            if (timeMs <= times[count - 1])
            {
                ThrowNotAfter(timeMs, times[count - 1]);
            }

            if (!FastDecimal.SameBits(equity, _equity[count - 1]))
            {
                // Equity changed; an unchanged value (no position, nothing paid) cannot move the peak, trough or drawdown.
                Track(equity);
            }
        }
        else
        {
            Peak = equity;
            _trough = equity;
        }

        if (count == times.Length)
        {
            Grow();
            times = _times;
        }

        times[count] = timeMs;
        _equity[count] = equity;
        Count = count + 1;
    }

    /// <summary>Copy of <see cref="Times"/>.</summary>
    public long[] TimesToArray() => Times.ToArray();

    /// <summary>Copy of <see cref="Equity"/>.</summary>
    public decimal[] EquityToArray() => Equity.ToArray();

    /// <summary>Copy of <see cref="Drawdown"/>.</summary>
    public decimal[] DrawdownToArray() => Drawdown.ToArray();

    /// <summary>A new peak, or a new trough under the current one (where the drawdown can grow).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Track(decimal equity)
    {
        if (FastDecimal.Less(Peak, equity))
        {
            Peak = equity;
            _trough = equity;
        }
        else if (FastDecimal.Less(equity, _trough))
        {
            // Under one peak the drawdown grows only at a new trough, so the division runs there and nowhere else.
            _trough = equity;
            if (Peak > 0m)
            {
                var drawdown = (Peak - equity) / Peak;
                if (drawdown > MaxDrawdown)
                {
                    MaxDrawdown = drawdown;
                }
            }
        }
    }

    [DoesNotReturn]
    private static void ThrowNotAfter(long timeMs, long previousMs) =>
        throw new ArgumentOutOfRangeException(
            nameof(timeMs), timeMs, $"equity point time {timeMs} must be after the previous point's time {previousMs} (one point per distinct time, increasing)");

    private void Grow()
    {
        var capacity = checked(_times.Length * 2);
        Array.Resize(ref _times, capacity);
        Array.Resize(ref _equity, capacity);
    }
}
