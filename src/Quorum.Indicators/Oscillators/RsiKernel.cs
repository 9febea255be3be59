using System.Runtime.CompilerServices;
using Quorum.Indicators.Averages;

namespace Quorum.Indicators.Oscillators;

/// <summary>
/// The value-type streaming form of <see cref="Rsi"/>: the same state and arithmetic, bit-identical to the class and
/// to <see cref="Rsi.Batch"/>. Held in a local and updated in a loop, the two averages stay in registers across
/// updates (see <see cref="ExponentialKernel"/> for why that matters). <c>default</c> is not a valid kernel:
/// construct it with a period. O(1), no allocation, NaN during warm-up, a non-finite input throws.
/// </summary>
public struct RsiKernel : IPriceKernel
{
    private readonly string _name;
    private readonly int _period;
    private readonly double _gainFactor;
    private readonly double _decay;
    private long _samples;
    private double _previous;
    private double _gain;
    private double _loss;
    private double _value;

    /// <summary>Not a kernel: throws (a struct's <c>new()</c> would silently be an indicator of period 0).</summary>
    public RsiKernel() => throw new InvalidOperationException("RsiKernel has no parameterless form: use new RsiKernel(period)");

    // Inlined, so that a kernel constructed in a local can live in registers.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public RsiKernel(int period)
    {
        _name = ExponentialKernel.NameOf("rsi", period);
        _period = period;
        _gainFactor = ExponentialSmoothing.Gain(Rma.Alpha(period));
        _decay = ExponentialSmoothing.Decay(Rma.Alpha(period));
        _value = double.NaN;
    }

    public readonly int Period => _period;

    /// <summary>Inputs after which the index is defined: period + 1 (period changes).</summary>
    public readonly int WarmUpPeriod => _period + 1;

    /// <summary>Inputs consumed.</summary>
    public readonly long Samples => _samples;

    public readonly bool IsReady => _samples > _period;

    /// <summary>The index, 0 … 100; NaN during warm-up.</summary>
    public readonly double Value => _value;

    /// <summary>Average gain (Wilder-smoothed); NaN during warm-up.</summary>
    public readonly double AverageGain => IsReady ? _gain : double.NaN;

    /// <summary>Average loss (Wilder-smoothed, positive); NaN during warm-up.</summary>
    public readonly double AverageLoss => IsReady ? _loss : double.NaN;

    /// <summary>Consumes one input; a NaN or infinite input throws, naming the indicator and the sample.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(double input)
    {
        IndicatorGuard.Finite(input, _name, _samples + 1);
        var n = ++_samples;
        var change = input - _previous;
        _previous = input;
        var gain = Math.Max(change, 0.0);
        var loss = gain - change;
        if (n > _period + 1)
        {
            _gain = ExponentialSmoothing.Step(_gain, gain, _gainFactor, _decay);
            _loss = ExponentialSmoothing.Step(_loss, loss, _gainFactor, _decay);
            _value = Rsi.Index(_gain, _loss);
        }
        else if (n == _period + 1)
        {
            _gain = (_gain + gain) / _period;
            _loss = (_loss + loss) / _period;
            _value = Rsi.Index(_gain, _loss);
        }
        else if (n > 1)
        {
            _gain += gain;
            _loss += loss;
        }
    }

    /// <summary>Forgets all samples.</summary>
    public void Reset()
    {
        _samples = 0;
        _previous = _gain = _loss = 0;
        _value = double.NaN;
    }
}
