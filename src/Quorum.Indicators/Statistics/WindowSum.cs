using System.Runtime.CompilerServices;

namespace Quorum.Indicators.Statistics;

/// <summary>
/// Sum of the last <c>period</c> values, O(1) amortized per update and free of drift: nothing is ever
/// subtracted. The window is split into the older block, whose suffix sums are recomputed from the
/// ring every <c>period</c> updates, and the values added since, summed as they come (the "two stacks"
/// sliding-window aggregation). Every sum is therefore a fresh sum of values still in the window, so
/// its error is bounded by one window's rounding however many updates came before — a window of
/// zeros sums to exactly 0 even after large values left it.
/// </summary>
internal struct WindowSum
{
    private readonly double[] _values;
    private readonly double[] _suffix;
    private int _next;
    private int _count;
    private double _back;

    public WindowSum(int period)
    {
        _values = new double[period];
        _suffix = new double[period + 1];
    }

    public readonly int Period => _values.Length;

    public readonly bool IsFull => _count == _values.Length;

    /// <summary>Sum of the values in the window (all values so far while filling).</summary>
    public double Sum { readonly get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double value)
    {
        var values = _values;
        var j = _next;
        values[j] = value;
        _back += value;
        Sum = _suffix[j + 1] + _back;
        if (_count < values.Length)
        {
            _count++;
        }

        if (++j == values.Length)
        {
            j = 0;
            Flip();
        }

        _next = j;
    }

    public void Reset()
    {
        Array.Clear(_values);
        Array.Clear(_suffix);
        _next = 0;
        _count = 0;
        _back = 0;
        Sum = 0;
    }

    // Inlined: a call would take this struct's address and keep a kernel holding it out of registers.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Flip()
    {
        var values = _values;
        var suffix = _suffix;
        var sum = 0.0;
        for (var k = values.Length - 1; k >= 0; k--)
        {
            sum += values[k];
            suffix[k] = sum;
        }

        _back = 0;
    }
}
