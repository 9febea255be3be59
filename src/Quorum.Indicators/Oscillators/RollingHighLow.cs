using System.Buffers;
using System.Runtime.CompilerServices;

namespace Quorum.Indicators.Oscillators;

/// <summary>
/// Highest high and lowest low of the last <c>period</c> bars, for the stochastic and Williams %R,
/// by the van Herk / Gil-Werman method: the bars are cut into blocks of <c>period</c>; a window
/// ending at position k of the current block is positions k + 1 … period − 1 of the previous block
/// plus positions 0 … k of the current one, so its maximum is max(suffix maximum of the previous
/// block from k + 1, running maximum of the current block). The suffix maxima of a block are
/// computed once, when it completes. Three max/min operations per bar and no data-dependent
/// branch: amortized O(1) (O(period) once every period bars), no allocation after construction.
/// Streaming and batch run the same operations, so they give the same doubles. A struct, so that
/// <see cref="StochasticKernel"/> held in a local can keep it in registers; a class holding one must not
/// declare the field <c>readonly</c> (each call would update a copy).
/// </summary>
internal struct RollingHighLow
{
    private readonly int _period;
    private readonly double[] _highBlock;
    private readonly double[] _lowBlock;
    private readonly double[] _highSuffix;
    private readonly double[] _lowSuffix;
    private int _position;
    private double _highPrefix;
    private double _lowPrefix;

    public RollingHighLow(int period)
    {
        _period = period;
        _highBlock = new double[period];
        _lowBlock = new double[period];
        _highSuffix = new double[period + 1];
        _lowSuffix = new double[period + 1];
        Reset();
    }

    /// <summary>Highest high of the window (of the bars seen so far while fewer than period).</summary>
    public double Highest { readonly get; private set; }

    /// <summary>Lowest low of the window (of the bars seen so far while fewer than period).</summary>
    public double Lowest { readonly get; private set; }

    /// <summary>Adds a bar; the block's suffix extremes (every <c>period</c> bars) are computed in a call, which keeps a class's update small.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double high, double low)
    {
        if (Push(high, low))
        {
            Suffixes(_highBlock, _lowBlock, _highSuffix, _lowSuffix);
        }
    }

    /// <summary>
    /// <see cref="Add"/> with the suffix computation inlined, for <see cref="StochasticKernel"/> (see
    /// <see cref="Statistics.WindowSum.AddInline"/>: a call would keep a kernel held in a local out of registers).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddInline(double high, double low)
    {
        if (Push(high, low))
        {
            SuffixesInline(_highBlock, _lowBlock, _highSuffix, _lowSuffix);
        }
    }

    public void Reset()
    {
        _position = 0;
        _highPrefix = _lowPrefix = 0;
        Highest = Lowest = 0;
        Array.Clear(_highBlock);
        Array.Clear(_lowBlock);

        // No previous block yet: its suffix extremes are the neutral −∞ / +∞ (also the fixed last entry).
        _highSuffix.AsSpan().Fill(double.NegativeInfinity);
        _lowSuffix.AsSpan().Fill(double.PositiveInfinity);
    }

    /// <summary>Stores the bar and updates the extremes; true when a block has just completed (then compute its suffixes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Push(double high, double low)
    {
        var k = _position;
        _highBlock[k] = high;
        _lowBlock[k] = low;
        var highPrefix = k == 0 ? high : Math.Max(_highPrefix, high);
        var lowPrefix = k == 0 ? low : Math.Min(_lowPrefix, low);
        _highPrefix = highPrefix;
        _lowPrefix = lowPrefix;
        Highest = Math.Max(_highSuffix[k + 1], highPrefix);
        Lowest = Math.Min(_lowSuffix[k + 1], lowPrefix);
        var completed = ++k == _period;
        _position = completed ? 0 : k;
        return completed;
    }

    /// <summary>
    /// Batch form: <paramref name="highest"/>[i] and <paramref name="lowest"/>[i] receive the extremes of
    /// bars max(0, i − period + 1) … i (spans as long as the input; inputs already validated).
    /// </summary>
    public static void Batch(ReadOnlySpan<double> high, ReadOnlySpan<double> low, int period, Span<double> highest, Span<double> lowest)
    {
        var n = high.Length;
        low = low[..n];
        highest = highest[..n];
        lowest = lowest[..n];
        var rented = ArrayPool<double>.Shared.Rent(2 * (period + 1));
        try
        {
            var highSuffix = rented.AsSpan(0, period + 1);
            var lowSuffix = rented.AsSpan(period + 1, period + 1);
            highSuffix.Fill(double.NegativeInfinity);
            lowSuffix.Fill(double.PositiveInfinity);
            double highPrefix = 0, lowPrefix = 0;
            var k = 0;
            for (var i = 0; i < n; i++)
            {
                var h = high[i];
                var l = low[i];
                highPrefix = k == 0 ? h : Math.Max(highPrefix, h);
                lowPrefix = k == 0 ? l : Math.Min(lowPrefix, l);
                highest[i] = Math.Max(highSuffix[k + 1], highPrefix);
                lowest[i] = Math.Min(lowSuffix[k + 1], lowPrefix);
                if (++k == period)
                {
                    k = 0;
                    var start = i + 1 - period;
                    SuffixesInline(high.Slice(start, period), low.Slice(start, period), highSuffix, lowSuffix);
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>Suffix maxima of a completed block's highs and suffix minima of its lows (the last entry, ∓∞, is left as is).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Suffixes(ReadOnlySpan<double> highs, ReadOnlySpan<double> lows, Span<double> highSuffix, Span<double> lowSuffix) =>
        SuffixesInline(highs, lows, highSuffix, lowSuffix);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SuffixesInline(ReadOnlySpan<double> highs, ReadOnlySpan<double> lows, Span<double> highSuffix, Span<double> lowSuffix)
    {
        var highest = double.NegativeInfinity;
        var lowest = double.PositiveInfinity;
        for (var j = highs.Length - 1; j >= 0; j--)
        {
            highest = Math.Max(highest, highs[j]);
            lowest = Math.Min(lowest, lows[j]);
            highSuffix[j] = highest;
            lowSuffix[j] = lowest;
        }
    }
}
