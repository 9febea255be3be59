using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Quorum.Indicators.Oscillators;

/// <summary>
/// Commodity channel index: (TP − mean TP) / (0.015 · mean absolute deviation of TP) over
/// <c>period</c> bars, TP = (high + low + close) / 3 (Lambert's definition, as TA-Lib and LEAN).
/// The sums are taken relative to the newest TP, so a flat window gives exactly 0 (not ±66.7 from
/// rounding residue); a zero mean deviation gives 0. First value at sample <c>period</c>.
/// The mean absolute deviation about the moving mean has no running form (every deviation changes
/// when the mean moves), so an update costs O(period), as in TA-Lib and LEAN; no allocation. Value: the index, NaN
/// during warm-up.
/// </summary>
public sealed class Cci : HighLowCloseIndicator
{
    /// <summary>Lambert's constant, chosen so that about 70–80 % of values fall within ±100.</summary>
    public const double Scale = 0.015;

    private readonly double[] _typical;
    private int _next;

    public Cci(int period = 20)
        : base("cci", period)
    {
        _typical = new double[2 * period];
    }

    [MethodImpl(MethodImplOptions.NoInlining)] // see HighLowCloseIndicator
    public override void Update(in OhlcvPoint bar) => Add(Accept(bar), bar.High, bar.Low, bar.Close);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public override void Update(double high, double low, double close) => Add(Accept(high, low, close), high, low, close);

    /// <summary>
    /// Batch form over spans of highs, lows and closes (equal lengths); identical to feeding the bars to a
    /// streaming <see cref="Cci"/>. <paramref name="output"/> must be at least as long.
    /// </summary>
    public static void Batch(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output, int period = 20)
    {
        CheckBatch("cci", period, high, low, close, output);
        var n = close.Length;
        var rented = ArrayPool<double>.Shared.Rent(n);
        try
        {
            var typical = rented.AsSpan(0, n);
            for (var i = 0; i < n; i++)
            {
                typical[i] = Typical(high[i], low[i], close[i]);
            }

            var warm = Math.Min(period - 1, n);
            output[..warm].Fill(double.NaN);
            for (var i = warm; i < n; i++)
            {
                output[i] = Index(typical.Slice(i - period + 1, period - 1), typical[i]);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>(high + low + close) / 3.</summary>
    internal static double Typical(double high, double low, double close) => (high + low + close) / 3.0;

    /// <summary>
    /// CCI of a window made of <paramref name="older"/> (the period − 1 values before the newest, in
    /// order) and <paramref name="newest"/>.
    /// </summary>
    private static double Index(ReadOnlySpan<double> older, double newest)
    {
        // Sums relative to the newest value: offset = mean − newest, so newest − mean = −offset and
        // |x − mean| = |(x − newest) − offset|. The newest value itself adds exactly 0 to the first sum
        // and |offset| to the second, so it is never read back from memory (a vector load over a value
        // just stored stalls store forwarding). Vector lanes, then a fixed-order reduction: streaming and
        // batch call this same code, so they give the same doubles.
        var period = older.Length + 1;
        var width = Vector<double>.Count;
        var last = older.Length - width;
        var reference = new Vector<double>(newest);
        var lanes = Vector<double>.Zero;
        var i = 0;
        for (; i <= last; i += width)
        {
            lanes += new Vector<double>(older[i..]) - reference;
        }

        var sum = Vector.Sum(lanes);
        for (var j = i; j < older.Length; j++)
        {
            sum += older[j] - newest;
        }

        var offset = sum / period;
        var shift = new Vector<double>(offset);
        lanes = Vector<double>.Zero;
        for (i = 0; i <= last; i += width)
        {
            lanes += Vector.Abs(new Vector<double>(older[i..]) - reference - shift);
        }

        var deviation = Vector.Sum(lanes);
        for (var j = i; j < older.Length; j++)
        {
            deviation += Math.Abs(older[j] - newest - offset);
        }

        var meanDeviation = (deviation + Math.Abs(offset)) / period;
        return meanDeviation > 0 ? -offset / (Scale * meanDeviation) : 0.0;
    }

    private protected override void ResetWindow()
    {
        Array.Clear(_typical);
        _next = 0;
    }

    /// <summary>Adds the <paramref name="n"/>-th bar (already checked and counted).</summary>
    private void Add(long n, double high, double low, double close)
    {
        var typical = Typical(high, low, close);

        // Each value is written twice, at p and p + period, so after the write at next the period − 1
        // values before it are the contiguous slice starting at next + 1 (wrapped): no copy, no wrap test.
        var window = _typical;
        var next = _next;
        window[next] = typical;
        window[next + Period] = typical;
        next = next + 1 == Period ? 0 : next + 1;
        _next = next;
        if (n >= Period)
        {
            Value = Index(window.AsSpan(next, Period - 1), typical);
        }
    }
}
