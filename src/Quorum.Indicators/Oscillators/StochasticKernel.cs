using System.Runtime.CompilerServices;
using Quorum.Indicators.Averages;
using Quorum.Indicators.Statistics;

namespace Quorum.Indicators.Oscillators;

/// <summary>
/// The value-type streaming form of <see cref="Stochastic"/> (%K and %D): the same rolling extremes, window sums
/// and arithmetic, bit-identical to the class and to <see cref="Stochastic.Batch"/>. Held in a local and updated in
/// a loop, its state stays in registers across updates (see <see cref="ExponentialKernel"/> for why that matters).
/// <c>default</c> is not a valid kernel: construct it with the periods. O(1) amortized, no allocation after
/// construction, NaN during warm-up, a non-finite high, low or close throws.
/// </summary>
public struct StochasticKernel
{
    private readonly string _name;
    private readonly int _period;
    private readonly int _kSmoothing;
    private readonly int _dPeriod;
    private readonly int _warmUpPeriod;
    private RollingHighLow _range;
    private WindowSum _fastWindow;
    private WindowSum _kWindow;
    private long _samples;
    private double _k;
    private double _d;

    /// <summary>Stochastic(14, 3, 3). (A struct's <c>new()</c> would otherwise be <c>default</c>, which is no kernel.)</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public StochasticKernel()
        : this(14, 3, 3)
    {
    }

    // Inlined, so that a kernel constructed in a local can live in registers.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public StochasticKernel(int period, int kSmoothing, int dPeriod)
    {
        _name = Stochastic.NameOf(period, kSmoothing, dPeriod);
        _period = period;
        _kSmoothing = kSmoothing;
        _dPeriod = dPeriod;
        _warmUpPeriod = period + kSmoothing + dPeriod - 2;
        _range = new RollingHighLow(period);
        _fastWindow = new WindowSum(kSmoothing);
        _kWindow = new WindowSum(dPeriod);
        _k = _d = double.NaN;
    }

    /// <summary>Look-back of the highest high and lowest low.</summary>
    public readonly int Period => _period;

    /// <summary>Bars after which both outputs are defined: period + kSmoothing + dPeriod − 2.</summary>
    public readonly int WarmUpPeriod => _warmUpPeriod;

    /// <summary>Bars consumed.</summary>
    public readonly long Samples => _samples;

    public readonly bool IsReady => _samples >= _warmUpPeriod;

    /// <summary>%K (smoothed); NaN during warm-up.</summary>
    public readonly double K => _k;

    /// <summary>%D; NaN during warm-up.</summary>
    public readonly double D => _d;

    /// <summary>Consumes one bar; a NaN or infinite field throws, naming the indicator and the bar.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(double high, double low, double close)
    {
        IndicatorGuard.Finite(high + low + close, _name, _samples + 1);
        Step(high, low, close, inlineWindows: true);
    }

    /// <summary>Forgets all samples.</summary>
    public void Reset()
    {
        _range.Reset();
        _fastWindow.Reset();
        _kWindow.Reset();
        _samples = 0;
        _k = _d = double.NaN;
    }

    /// <summary>Consumes a bar already checked, windows out of line, in a call of its own: <see cref="Stochastic"/>'s update
    /// (inlined into the class's update, the whole step made it several times slower in the benchmark's loop).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal void StepCompact(double high, double low, double close) => Step(high, low, close, inlineWindows: false);

    /// <summary>
    /// Consumes a bar already checked. With <paramref name="inlineWindows"/> false the block recomputations stay out
    /// of line: for <see cref="Stochastic"/>, whose state lives in an object anyway.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Step(double high, double low, double close, bool inlineWindows)
    {
        if (inlineWindows)
        {
            _range.AddInline(high, low);
        }
        else
        {
            _range.Add(high, low);
        }

        if (++_samples < _period)
        {
            return;
        }

        var fast = Stochastic.FastK(close, _range.Highest, _range.Lowest);
        if (inlineWindows)
        {
            _fastWindow.AddInline(fast);
        }
        else
        {
            _fastWindow.Add(fast);
        }

        if (!_fastWindow.IsFull)
        {
            return;
        }

        var k = _fastWindow.Sum / _kSmoothing;
        if (inlineWindows)
        {
            _kWindow.AddInline(k);
        }
        else
        {
            _kWindow.Add(k);
        }

        if (_kWindow.IsFull)
        {
            _k = k;
            _d = _kWindow.Sum / _dPeriod;
        }
    }
}
