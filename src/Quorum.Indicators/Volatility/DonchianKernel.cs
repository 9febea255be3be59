using System.Runtime.CompilerServices;
using Quorum.Indicators.Averages;
using Quorum.Indicators.Statistics;

namespace Quorum.Indicators.Volatility;

/// <summary>
/// The value-type streaming form of <see cref="DonchianChannel"/>: the same exact window extremes, bit-identical to
/// the class and to <see cref="DonchianChannel.Batch"/>. Held in a local and updated in a loop, its state stays in
/// registers across updates (see <see cref="ExponentialKernel"/> for why that matters). <c>default</c> is not a
/// valid kernel: construct it with a period. O(1) amortized, no allocation after construction, NaN during warm-up,
/// a non-finite high or low throws.
/// </summary>
public struct DonchianKernel
{
    private readonly string _name;
    private readonly int _period;
    private WindowMaximum _highs;
    private WindowMaximum _negatedLows;
    private long _samples;
    private double _high;
    private double _low;
    private double _middle;

    /// <summary>Not a kernel: throws (a struct's <c>new()</c> would silently be an indicator of period 0).</summary>
    public DonchianKernel() => throw new InvalidOperationException("DonchianKernel has no parameterless form: use new DonchianKernel(period)");

    // Inlined, so that a kernel constructed in a local can live in registers.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DonchianKernel(int period)
    {
        _name = DonchianChannel.NameOf(period);
        _period = period;
        _highs = new WindowMaximum(period);
        _negatedLows = new WindowMaximum(period);
        _high = _low = _middle = double.NaN;
    }

    public readonly int Period => _period;

    /// <summary>Bars consumed.</summary>
    public readonly long Samples => _samples;

    /// <summary>True from bar <see cref="Period"/> on.</summary>
    public readonly bool IsReady => _samples >= _period;

    /// <summary>Highest high of the window; NaN during warm-up.</summary>
    public readonly double High => _high;

    /// <summary>Lowest low of the window; NaN during warm-up.</summary>
    public readonly double Low => _low;

    /// <summary>(high + low) / 2; NaN during warm-up.</summary>
    public readonly double Middle => _middle;

    /// <summary>Consumes one bar's high and low; a NaN or infinite one throws, naming the indicator and the bar.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(double high, double low)
    {
        IndicatorGuard.Finite(high + low, _name, _samples + 1);
        Step(high, low, inlineWindow: true);
    }

    /// <summary>Forgets all samples.</summary>
    public void Reset()
    {
        _highs.Reset();
        _negatedLows.Reset();
        _samples = 0;
        _high = _low = _middle = double.NaN;
    }

    /// <summary>Consumes a bar already checked, windows out of line, in a call of its own: <see cref="DonchianChannel"/>'s update
    /// (inlined into the class's update, the whole step made it several times slower in the benchmark's loop).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal void StepCompact(double high, double low) => Step(high, low, inlineWindow: false);

    /// <summary>
    /// Consumes a bar already checked. With <paramref name="inlineWindow"/> false the windows' block recomputations
    /// stay out of line: for <see cref="DonchianChannel"/>, whose state lives in an object anyway.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Step(double high, double low, bool inlineWindow)
    {
        _samples++;
        if (inlineWindow)
        {
            _highs.AddInline(high);
            _negatedLows.AddInline(-low);
        }
        else
        {
            _highs.Add(high);
            _negatedLows.Add(-low);
        }

        if (_highs.IsFull)
        {
            var h = _highs.Maximum;
            var l = -_negatedLows.Maximum;
            _high = h;
            _low = l;
            _middle = (h + l) / 2;
        }
    }
}
