using System.Runtime.CompilerServices;

namespace Quorum.Indicators.Statistics;

/// <summary>
/// Least-squares slope of the last <c>period</c> values against their position (0 = oldest … n − 1 =
/// newest), O(1) amortized per update. Kept like <see cref="WindowMoments"/>: deviations d = y − shift
/// (shift reset to the window mean every <c>period</c> updates), suffix sums Σd and Σk·d (k = ring
/// slot) of the older block recomputed then, sums of the newer values added as they come; the
/// window's Σ position·d follows from those by re-basing the slots to window positions. Nothing
/// accumulates across windows, so there is no drift.
/// </summary>
internal struct WindowRegression
{
    private readonly double[] _values;
    private readonly double[] _suffixD;
    private readonly double[] _suffixKd;
    private readonly double _meanPosition;
    private readonly double _positionSquares;
    private int _next;
    private int _count;
    private double _shift;
    private double _backD;
    private double _backKd;

    public WindowRegression(int period)
    {
        _values = new double[period];
        _suffixD = new double[period + 1];
        _suffixKd = new double[period + 1];
        _meanPosition = (period - 1) / 2.0;
        _positionSquares = period * ((period * (double)period) - 1) / 12.0; // Σ (k − mean)² for k = 0 … n − 1
    }

    public readonly bool IsFull => _count == _values.Length;

    /// <summary>Slope per position of the regression line; valid once the window is full.</summary>
    public double Slope { readonly get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double value)
    {
        var values = _values;
        var n = values.Length;
        if (_count == 0)
        {
            _shift = value;
        }

        var d = value - _shift;
        var j = _next;
        values[j] = value;
        _backD += d;
        _backKd += j * d;
        if (_count < n)
        {
            _count++;
        }

        if (_count == n)
        {
            // Older block: slots j+1 … n−1 at window positions 0 … n−j−2; newer: slots 0 … j at n−j−1 … n−1.
            var oldD = _suffixD[j + 1];
            var oldKd = _suffixKd[j + 1];
            var sumD = oldD + _backD;
            var sumPd = (oldKd - ((j + 1) * oldD)) + (_backKd + ((n - 1 - j) * _backD));
            Slope = (sumPd - (_meanPosition * sumD)) / _positionSquares;
        }

        if (++j == n)
        {
            j = 0;
            Flip();
        }

        _next = j;
    }

    public void Reset()
    {
        Array.Clear(_values);
        Array.Clear(_suffixD);
        Array.Clear(_suffixKd);
        _next = 0;
        _count = 0;
        _shift = 0;
        _backD = 0;
        _backKd = 0;
        Slope = 0;
    }

    private void Flip()
    {
        _shift = BlockSums.Rebuild<SlotWeighted>(_values, _suffixD, _suffixKd, out _, out _);
        _backD = 0;
        _backKd = 0;
    }

    /// <summary>k·d (k = ring slot), for the sum of slot-weighted deviations.</summary>
    private readonly struct SlotWeighted : IBlockTerm
    {
        public static double Of(int slot, double deviation) => slot * deviation;
    }
}
