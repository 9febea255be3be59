using System.Runtime.CompilerServices;

namespace Quorum.Indicators.Statistics;

/// <summary>
/// Mean and variance of the last <c>period</c> values, O(1) amortized per update, without drift or
/// catastrophic cancellation. Sums of deviations d = x − shift and d² are kept like
/// <see cref="WindowSum"/> (older block's suffix sums recomputed every <c>period</c> updates, newer
/// values summed as they come, nothing subtracted), and the shift is reset to the window's mean at
/// each recomputation, so Σd² − (Σd)²/n loses almost no digits even when the mean dwarfs the spread.
/// </summary>
internal struct WindowMoments
{
    private readonly double[] _values;
    private readonly double[] _suffix1;
    private readonly double[] _suffix2;
    private readonly double _inversePeriod;
    private int _next;
    private int _count;
    private double _shift;
    private double _back1;
    private double _back2;
    private double _sum1;
    private double _sum2;

    public WindowMoments(int period)
    {
        _values = new double[period];
        _suffix1 = new double[period + 1];
        _suffix2 = new double[period + 1];
        _inversePeriod = 1.0 / period;
    }

    public readonly bool IsFull => _count == _values.Length;

    public readonly int Count => _count;

    /// <summary>Mean of the values in the window.</summary>
    public readonly double Mean => _shift + (_sum1 * Inverse);

    /// <summary>Σ(x − mean)² over the window (never negative).</summary>
    public readonly double SquaredDeviations
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            var m2 = _sum2 - (_sum1 * _sum1 * Inverse);
            return m2 > 0 ? m2 : 0;
        }
    }

    /// <summary>Population variance, Σ(x − mean)² / n.</summary>
    public readonly double PopulationVariance => SquaredDeviations * Inverse;

    /// <summary>Sample variance, Σ(x − mean)² / (n − 1).</summary>
    public readonly double SampleVariance => SquaredDeviations / (_count - 1);

    /// <summary>1/n, a multiplication instead of a division on the hot path once the window is full.</summary>
    private readonly double Inverse
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _count == _values.Length ? _inversePeriod : 1.0 / _count;
    }

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
        Array.Clear(_suffix1);
        Array.Clear(_suffix2);
        _next = 0;
        _count = 0;
        _shift = 0;
        _back1 = 0;
        _back2 = 0;
        _sum1 = 0;
        _sum2 = 0;
    }

    /// <summary>Stores the value and updates the sums; true when a block has just completed (then flip).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Push(double value)
    {
        var values = _values;
        if (_count == 0)
        {
            _shift = value;
        }

        var d = value - _shift;
        var j = _next;
        values[j] = value;
        _back1 += d;
        _back2 += d * d;
        _sum1 = _suffix1[j + 1] + _back1;
        _sum2 = _suffix2[j + 1] + _back2;
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
        // The window is now exactly the recomputed block: its sums restart from the new shift.
        _shift = BlockSums.Rebuild<Squares>(_values, _suffix1, _suffix2, out var s1, out var s2);
        _sum1 = s1;
        _sum2 = s2;
        _back1 = 0;
        _back2 = 0;
    }

    /// <summary>d², for the sum of squared deviations (also the batch Bollinger loop's).</summary>
    internal readonly struct Squares : IBlockTerm
    {
        public static double Of(int slot, double deviation) => deviation * deviation;
    }
}
