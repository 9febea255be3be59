using System.Runtime.CompilerServices;

namespace Quorum.Indicators.Statistics;

/// <summary>
/// Least-squares slope of the last <c>period</c> values against their position (0 = oldest … n − 1 =
/// newest), O(1) amortized per update. Kept like <see cref="WindowMoments"/> (<see cref="ShiftedBlocks{TTerm}"/>): deviations d = y − shift
/// (shift reset to the window mean every <c>period</c> updates), suffix sums Σd and Σk·d (k = ring
/// slot) of the older block recomputed then, sums of the newer values added as they come; the
/// window's Σ position·d follows from those by re-basing the slots to window positions. Nothing
/// accumulates across windows, so there is no drift.
/// </summary>
internal struct WindowRegression
{
    private readonly double _meanPosition;
    private readonly double _positionSquares;
    private ShiftedBlocks<SlotWeighted> _blocks;

    public WindowRegression(int period)
    {
        _blocks = new ShiftedBlocks<SlotWeighted>(period);
        _meanPosition = (period - 1) / 2.0;
        _positionSquares = period * ((period * (double)period) - 1) / 12.0; // Σ (k − mean)² for k = 0 … n − 1
    }

    public readonly bool IsFull => _blocks.IsFull;

    /// <summary>Slope per position of the regression line; valid once the window is full.</summary>
    public double Slope { readonly get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double value)
    {
        var n = _blocks.Period;
        var j = _blocks.Push(value);
        if (_blocks.IsFull)
        {
            // Older block: slots j+1 … n−1 at window positions 0 … n−j−2; newer: slots 0 … j at n−j−1 … n−1.
            var oldD = _blocks.OlderDeviations(j);
            var oldKd = _blocks.OlderTerms(j);
            var backD = _blocks.NewerDeviations;
            var sumD = oldD + backD;
            var sumPd = (oldKd - ((j + 1) * oldD)) + (_blocks.NewerTerms + ((n - 1 - j) * backD));
            Slope = (sumPd - (_meanPosition * sumD)) / _positionSquares;
        }

        if (_blocks.Advance(j))
        {
            Flip();
        }
    }

    public void Reset()
    {
        _blocks.Reset();
        Slope = 0;
    }

    private void Flip() => _blocks.Flip(out _, out _);

    /// <summary>k·d (k = ring slot), for the sum of slot-weighted deviations.</summary>
    private readonly struct SlotWeighted : IBlockTerm
    {
        public static double Of(int slot, double deviation) => slot * deviation;
    }
}
