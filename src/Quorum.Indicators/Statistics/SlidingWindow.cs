using System.Runtime.CompilerServices;

namespace Quorum.Indicators.Statistics;

/// <summary>
/// The fold (a <see cref="SumFold"/> sum, a <see cref="MaximumFold"/> maximum) of the last <c>period</c> values,
/// O(1) amortized per update and free of drift: nothing is ever undone. The window is split into the older block,
/// whose suffix folds are recomputed from the ring every <c>period</c> updates, and the values added since, folded
/// as they come (the "two stacks" sliding-window aggregation). Every sum is therefore a fresh sum of values still in
/// the window, so its error is bounded by one window's rounding however many updates came before.
/// </summary>
internal struct SlidingWindow<TFold> : IBlockAggregate
    where TFold : struct, IWindowFold
{
    private readonly double[] _suffix;
    private BlockRing _ring;
    private double _back;

    public SlidingWindow(int period)
    {
        _ring = new BlockRing(period);
        _suffix = new double[period + 1];
        if (TFold.Identity != 0.0)
        {
            Reset();
        }
    }

    public readonly int Period => _ring.Period;

    public readonly bool IsFull => _ring.IsFull;

    /// <summary>The fold of the values in the window (of all values so far while filling).</summary>
    public double Value { readonly get; private set; }

    /// <summary>Adds a value; the block recomputation is a call (see <see cref="BlockUpdate"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double value) => BlockUpdate.Add(ref this, value);

    /// <summary>Adds a value, the block recomputation inlined: for the value-type kernels (see <see cref="BlockUpdate"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddInline(double value) => BlockUpdate.AddInline(ref this, value);

    public void Reset()
    {
        _ring.Reset();
        Array.Fill(_suffix, TFold.Identity);
        _back = TFold.Identity;
        Value = TFold.Identity;
    }

    /// <summary>Stores the value and updates the fold; true when a block has just completed (then flip).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    bool IBlockAggregate.Push(double value)
    {
        var slot = _ring.Store(value);
        _back = TFold.Combine(_back, value);
        Value = TFold.Combine(_suffix[slot + 1], _back);
        return _ring.Advance(slot);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void IBlockAggregate.Flip()
    {
        var values = _ring.Values;
        var suffix = _suffix;
        var folded = TFold.Identity;
        for (var k = values.Length - 1; k >= 0; k--)
        {
            folded = TFold.Combine(folded, values[k]);
            suffix[k] = folded;
        }

        _back = TFold.Identity;
    }
}
