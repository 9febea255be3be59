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

    /// <summary>Adds a value; the block recomputation (every <c>period</c> adds) is a call, which keeps a class's update small.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double value)
    {
        if (Push(value))
        {
            Flip();
        }
    }

    /// <summary>
    /// <see cref="Add"/> with the block recomputation inlined, for the value-type kernels: a call would take this
    /// struct's address, or force the caller's registers to be saved around it, and keep a kernel held in a local
    /// out of registers. (Inlined into a class's update instead, the loop made the stochastic's update about twice as slow.)
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddInline(double value)
    {
        if (Push(value))
        {
            FlipInline();
        }
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

    /// <summary>Stores the value and updates the sum; true when a block has just completed (then flip).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Push(double value)
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

        var completed = ++j == values.Length;
        _next = completed ? 0 : j;
        return completed;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Flip() => FlipInline();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void FlipInline()
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
