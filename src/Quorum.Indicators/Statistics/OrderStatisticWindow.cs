using System.Runtime.CompilerServices;

namespace Quorum.Indicators.Statistics;

/// <summary>
/// Exact quantile of the last <c>period</c> values in O(log period) per update, no allocation.
/// The window's values live in a ring; two indexed binary heaps over the ring's slots split them
/// into the k + 1 smallest (a max-heap, "low") and the rest (a min-heap, "high"), where
/// h = (n − 1)·q and k = ⌊h⌋. Each slot knows its heap position, so the value leaving the window is
/// removed in O(log n); the tops of the two heaps are the order statistics x₍k₎ and x₍k+1₎ that the
/// linear interpolation needs (NumPy's default "linear" method, Hyndman–Fan type 7).
/// </summary>
internal sealed class OrderStatisticWindow
{
    private readonly double[] _values;
    private readonly int[] _low;
    private readonly int[] _high;
    private readonly int[] _position;
    private readonly bool[] _inLow;
    private readonly int _lowTarget;
    private readonly double _fraction;
    private int _lowCount;
    private int _highCount;
    private int _next;
    private int _count;

    public OrderStatisticWindow(int period, double quantile)
    {
        _values = new double[period];
        _low = new int[period];
        _high = new int[period];
        _position = new int[period];
        _inLow = new bool[period];
        var h = (period - 1) * quantile;
        var k = Math.Min((int)Math.Floor(h), period - 1);
        _lowTarget = k + 1;
        _fraction = h - k;
    }

    public bool IsFull => _count == _values.Length;

    /// <summary>
    /// The quantile of a full window: x₍k₎ + f·(x₍k+1₎ − x₍k₎) with f = h − k, evaluated as NumPy's
    /// lerp does (from the nearer end), so f = 0 returns x₍k₎ exactly.
    /// </summary>
    public double Quantile
    {
        get
        {
            var lower = _values[_low[0]];
            if (_fraction == 0 || _highCount == 0)
            {
                return lower;
            }

            var upper = _values[_high[0]];
            var difference = upper - lower;
            return _fraction < 0.5 ? lower + (difference * _fraction) : upper - (difference * (1 - _fraction));
        }
    }

    public void Add(double value)
    {
        var slot = _next;
        if (_count == _values.Length)
        {
            Remove(slot);
        }
        else
        {
            _count++;
        }

        _values[slot] = value;
        if (_lowCount > 0 && value <= _values[_low[0]])
        {
            Push(slot, low: true);
        }
        else
        {
            Push(slot, low: false);
        }

        var target = Math.Min(_count, _lowTarget);
        while (_lowCount > target)
        {
            var top = _low[0];
            RemoveAt(0, low: true);
            Push(top, low: false);
        }

        while (_lowCount < target)
        {
            var top = _high[0];
            RemoveAt(0, low: false);
            Push(top, low: true);
        }

        _next = slot + 1 == _values.Length ? 0 : slot + 1;
    }

    public void Reset()
    {
        _lowCount = 0;
        _highCount = 0;
        _next = 0;
        _count = 0;
    }

    private void Remove(int slot) => RemoveAt(_position[slot], _inLow[slot]);

    private void Push(int slot, bool low)
    {
        var heap = low ? _low : _high;
        var index = low ? _lowCount++ : _highCount++;
        heap[index] = slot;
        _position[slot] = index;
        _inLow[slot] = low;
        SiftUp(heap, index, low);
    }

    private void RemoveAt(int index, bool low)
    {
        var heap = low ? _low : _high;
        var last = low ? --_lowCount : --_highCount;
        if (index == last)
        {
            return;
        }

        var moved = heap[last];
        heap[index] = moved;
        _position[moved] = index;
        if (index > 0 && Before(moved, heap[(index - 1) / 2], low))
        {
            SiftUp(heap, index, low);
        }
        else
        {
            SiftDown(heap, index, last, low);
        }
    }

    /// <summary>True when slot <paramref name="a"/> belongs nearer the top than <paramref name="b"/> (low: larger first; high: smaller first).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Before(int a, int b, bool low) => low ? _values[a] > _values[b] : _values[a] < _values[b];

    private void SiftUp(int[] heap, int index, bool low)
    {
        var slot = heap[index];
        while (index > 0)
        {
            var parent = (index - 1) / 2;
            var parentSlot = heap[parent];
            if (!Before(slot, parentSlot, low))
            {
                break;
            }

            heap[index] = parentSlot;
            _position[parentSlot] = index;
            index = parent;
        }

        heap[index] = slot;
        _position[slot] = index;
    }

    private void SiftDown(int[] heap, int index, int count, bool low)
    {
        var slot = heap[index];
        while (true)
        {
            var child = (2 * index) + 1;
            if (child >= count)
            {
                break;
            }

            if (child + 1 < count && Before(heap[child + 1], heap[child], low))
            {
                child++;
            }

            if (!Before(heap[child], slot, low))
            {
                break;
            }

            heap[index] = heap[child];
            _position[heap[index]] = index;
            index = child;
        }

        heap[index] = slot;
        _position[slot] = index;
    }
}
