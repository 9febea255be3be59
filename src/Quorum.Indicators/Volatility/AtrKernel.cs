using System.Runtime.CompilerServices;
using Quorum.Indicators.Statistics;

namespace Quorum.Indicators.Volatility;

/// <summary>
/// The value-type streaming form of <see cref="Atr"/>: the same state and arithmetic, bit-identical to the class
/// and to <see cref="Atr.Batch"/>. Held in a local and updated in a loop, its running average stays in a register
/// across updates (see <see cref="Averages.ExponentialKernel"/> for why that matters). <c>default</c> is not a
/// valid kernel: construct it with a period. O(1), no allocation after construction, NaN during warm-up, a
/// non-finite high, low or close throws.
/// </summary>
public struct AtrKernel
{
    private readonly string _name;
    private readonly int _period;
    private readonly int _warmUpPeriod;
    private readonly bool _simple;
    private readonly bool _firstBar;
    private readonly double _decay;
    private readonly double _weight;
    private WindowSum _window;
    private long _samples;
    private long _ranges;
    private double _previousClose;
    private double _seedSum;
    private double _value;

    /// <summary>Not a kernel: throws (a struct's <c>new()</c> would silently be an indicator of period 0).</summary>
    public AtrKernel() => throw new InvalidOperationException("AtrKernel has no parameterless form: use new AtrKernel(period)");

    // Inlined, so that a kernel constructed in a local can live in registers.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public AtrKernel(int period, AtrSmoothing smoothing = AtrSmoothing.Wilder, TrueRangeStart start = TrueRangeStart.SecondBar)
    {
        _name = Atr.NameOf(period, smoothing);
        _period = period;
        _warmUpPeriod = period + (start == TrueRangeStart.SecondBar ? 1 : 0);
        _simple = smoothing == AtrSmoothing.Simple;
        _firstBar = start == TrueRangeStart.FirstBar;
        _decay = WilderSmoothing.Decay(period);
        _weight = WilderSmoothing.Weight(period);
        _window = _simple ? new WindowSum(period) : default;
        _value = double.NaN;
    }

    public readonly int Period => _period;

    /// <summary>Bars after which <see cref="Value"/> is defined (<c>period + 1</c> when true ranges start at the second bar).</summary>
    public readonly int WarmUpPeriod => _warmUpPeriod;

    /// <summary>Bars consumed.</summary>
    public readonly long Samples => _samples;

    public readonly bool IsReady => _samples >= _warmUpPeriod;

    /// <summary>The average true range; NaN during warm-up.</summary>
    public readonly double Value => _value;

    /// <summary>Consumes one bar; a NaN or infinite field throws, naming the indicator and the bar.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(double high, double low, double close)
    {
        IndicatorGuard.Finite(high + low + close, _name, _samples + 1);
        Step(high, low, close);
    }

    /// <summary>Forgets all samples.</summary>
    public void Reset()
    {
        if (_simple)
        {
            _window.Reset();
        }

        _samples = 0;
        _ranges = 0;
        _previousClose = 0;
        _seedSum = 0;
        _value = double.NaN;
    }

    /// <summary>Consumes a bar already checked; true when <see cref="Value"/> is defined.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool Step(double high, double low, double close)
    {
        double range;
        if (_samples++ != 0)
        {
            range = TrueRange.Of(high, low, _previousClose);
        }
        else
        {
            _previousClose = close;
            if (!_firstBar)
            {
                return false;
            }

            range = high - low;
        }

        _previousClose = close;
        _ranges++;
        if (_simple)
        {
            _window.AddInline(range);
            if (!_window.IsFull)
            {
                return false;
            }

            _value = _window.Sum / _period;
            return true;
        }

        if (_ranges < _period)
        {
            _seedSum += range;
            return false;
        }

        _value = _ranges == _period ? (_seedSum + range) / _period : WilderSmoothing.Step(_value, range, _decay, _weight);
        return true;
    }
}
