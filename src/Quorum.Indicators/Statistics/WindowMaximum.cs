using System.Runtime.CompilerServices;

namespace Quorum.Indicators.Statistics;

/// <summary>
/// Maximum of the last <c>period</c> values, O(1) amortized per update: the maximum of the older
/// block's suffix maxima (recomputed every <c>period</c> updates) and of the values added since.
/// Exact. A minimum is the negated maximum of the negated values (negation is exact).
/// </summary>
internal struct WindowMaximum
{
    private readonly double[] _values;
    private readonly double[] _suffix;
    private int _next;
    private int _count;
    private double _back;

    public WindowMaximum(int period)
    {
        _values = new double[period];
        _suffix = new double[period + 1];
        Reset();
    }

    public readonly bool IsFull => _count == _values.Length;

    public double Maximum { readonly get; private set; }

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
    /// <see cref="Add"/> with the block recomputation inlined, for the value-type kernels (see
    /// <see cref="WindowSum.AddInline"/>: a call would keep a kernel held in a local out of registers).
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
        Array.Fill(_suffix, double.NegativeInfinity);
        _next = 0;
        _count = 0;
        _back = double.NegativeInfinity;
        Maximum = double.NegativeInfinity;
    }

    /// <summary>Stores the value and updates the maximum; true when a block has just completed (then flip).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Push(double value)
    {
        var values = _values;
        var j = _next;
        values[j] = value;
        _back = Math.Max(_back, value);
        Maximum = Math.Max(_suffix[j + 1], _back);
        if (_count < values.Length)
        {
            _count++;
        }

        var completed = ++j == values.Length;
        _next = completed ? 0 : j;
        return completed;
    }

    private void Flip() => FlipInline();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void FlipInline()
    {
        var values = _values;
        var suffix = _suffix;
        var max = double.NegativeInfinity;
        for (var k = values.Length - 1; k >= 0; k--)
        {
            max = Math.Max(max, values[k]);
            suffix[k] = max;
        }

        _back = double.NegativeInfinity;
    }
}
