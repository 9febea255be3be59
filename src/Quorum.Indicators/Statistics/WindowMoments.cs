using System.Runtime.CompilerServices;

namespace Quorum.Indicators.Statistics;

/// <summary>
/// Mean and variance of the last <c>period</c> values, O(1) amortized per update, without drift or
/// catastrophic cancellation. Sums of deviations d = x − shift and d² are kept by
/// <see cref="ShiftedBlocks{TTerm}"/> (older block's suffix sums recomputed every <c>period</c> updates, newer
/// values summed as they come, nothing subtracted), and the shift is reset to the window's mean at
/// each recomputation, so Σd² − (Σd)²/n loses almost no digits even when the mean dwarfs the spread.
/// </summary>
internal struct WindowMoments : IBlockAggregate
{
    private readonly double _inversePeriod;
    private ShiftedBlocks<Squares> _blocks;
    private double _sum1;
    private double _sum2;

    public WindowMoments(int period)
    {
        _blocks = new ShiftedBlocks<Squares>(period);
        _inversePeriod = 1.0 / period;
    }

    public readonly bool IsFull => _blocks.IsFull;

    public readonly int Count => _blocks.Count;

    /// <summary>Mean of the values in the window.</summary>
    public readonly double Mean => _blocks.Shift + (_sum1 * Inverse);

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
    public readonly double SampleVariance => SquaredDeviations / (_blocks.Count - 1);

    /// <summary>1/n, a multiplication instead of a division on the hot path once the window is full.</summary>
    private readonly double Inverse
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _blocks.IsFull ? _inversePeriod : 1.0 / _blocks.Count;
    }

    /// <summary>Adds a value; the block recomputation is a call (see <see cref="BlockUpdate"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double value) => BlockUpdate.Add(ref this, value);

    /// <summary>Adds a value, the block recomputation inlined: for the value-type kernels (see <see cref="BlockUpdate"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddInline(double value) => BlockUpdate.AddInline(ref this, value);

    /// <summary>Stores the value and updates the sums; true when a block has just completed (then flip).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    bool IBlockAggregate.Push(double value)
    {
        var slot = _blocks.Push(value);
        _sum1 = _blocks.OlderDeviations(slot) + _blocks.NewerDeviations;
        _sum2 = _blocks.OlderTerms(slot) + _blocks.NewerTerms;
        return _blocks.Advance(slot);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void IBlockAggregate.Flip()
    {
        // The window is now exactly the recomputed block: its sums restart from the new shift.
        _blocks.Flip(out var s1, out var s2);
        _sum1 = s1;
        _sum2 = s2;
    }

    public void Reset()
    {
        _blocks.Reset();
        _sum1 = 0;
        _sum2 = 0;
    }

    /// <summary>d², for the sum of squared deviations (also the batch Bollinger loop's).</summary>
    internal readonly struct Squares : IBlockTerm
    {
        public static double Of(int slot, double deviation) => deviation * deviation;
    }
}
