using System.Runtime.CompilerServices;

namespace Quorum.Indicators.Statistics;

/// <summary>
/// The state shared by the drift-free window aggregates of deviations (<see cref="WindowMoments"/>,
/// <see cref="WindowRegression"/>): the ring (<see cref="BlockRing"/>), the shift, and two running sums of the
/// deviations d = x − shift — of d itself and of a second term of it (an <see cref="IBlockTerm"/>: d² for the
/// moments, slot·d for the regression) — split like <see cref="SlidingWindow{TFold}"/> into the older block's suffix
/// sums, recomputed every <c>period</c> updates (<see cref="BlockSums"/>, which also resets the shift to that block's
/// mean), and the sums of the newer values, added as they come. The aggregate reads the two parts after
/// <see cref="Push"/> and before <see cref="Advance"/>'s block completion is acted on. Inlined, so a kernel holding
/// the aggregate in a local keeps it in registers.
/// </summary>
internal struct ShiftedBlocks<TTerm>
    where TTerm : struct, IBlockTerm
{
    private readonly double[] _suffixDeviation;
    private readonly double[] _suffixTerm;
    private BlockRing _ring;
    private double _shift;
    private double _backDeviation;
    private double _backTerm;

    public ShiftedBlocks(int period)
    {
        _ring = new BlockRing(period);
        _suffixDeviation = new double[period + 1];
        _suffixTerm = new double[period + 1];
    }

    public readonly int Period => _ring.Period;

    public readonly int Count => _ring.Count;

    public readonly bool IsFull => _ring.IsFull;

    /// <summary>The value the deviations are taken from (the first value, then each completed block's mean).</summary>
    public readonly double Shift => _shift;

    /// <summary>Σd over the newer values (slots 0 … the last pushed).</summary>
    public readonly double NewerDeviations => _backDeviation;

    /// <summary>Σ term over the newer values.</summary>
    public readonly double NewerTerms => _backTerm;

    /// <summary>Σd over the older block's values still in the window once <paramref name="slot"/> is written (slots slot + 1 …).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly double OlderDeviations(int slot) => _suffixDeviation[slot + 1];

    /// <summary>Σ term over the older block's values still in the window once <paramref name="slot"/> is written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly double OlderTerms(int slot) => _suffixTerm[slot + 1];

    /// <summary>Stores the value and adds its deviation and term to the newer sums; returns its slot.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Push(double value)
    {
        if (_ring.Count == 0)
        {
            _shift = value;
        }

        var d = value - _shift;
        var slot = _ring.Store(value);
        _backDeviation += d;
        _backTerm += TTerm.Of(slot, d);
        return slot;
    }

    /// <summary>Moves past <paramref name="slot"/>; true when its block has just completed (then <see cref="Flip"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Advance(int slot) => _ring.Advance(slot);

    /// <summary>
    /// Recomputes the completed block's suffix sums from its mean, the new shift, and empties the newer sums; returns
    /// the whole block's sums (the window is now exactly that block).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Flip(out double deviationSum, out double termSum)
    {
        _shift = BlockSums.Rebuild<TTerm>(_ring.Values, _suffixDeviation, _suffixTerm, out deviationSum, out termSum);
        _backDeviation = 0;
        _backTerm = 0;
    }

    public void Reset()
    {
        _ring.Reset();
        Array.Clear(_suffixDeviation);
        Array.Clear(_suffixTerm);
        _shift = 0;
        _backDeviation = 0;
        _backTerm = 0;
    }
}
