using System.Runtime.CompilerServices;
using Quorum.Indicators.Averages;

namespace Quorum.Indicators.Oscillators;

/// <summary>
/// The value-type streaming form of <see cref="Macd"/>: the same three seeded EMAs and arithmetic, bit-identical
/// to the class and to <see cref="Macd.Batch"/>. Held in a local and updated in a loop, the three running averages
/// stay in registers across updates (see <see cref="ExponentialKernel"/> for why that matters). <c>default</c> is
/// not a valid kernel: construct it with the periods. O(1), no allocation, NaN during warm-up, a non-finite input throws.
/// </summary>
public struct MacdKernel
{
    private readonly string _name;
    private readonly int _fastPeriod;
    private readonly int _slowPeriod;
    private readonly int _signalPeriod;
    private readonly int _warmUpPeriod;
    private readonly double _fastGain;
    private readonly double _fastDecay;
    private readonly double _slowGain;
    private readonly double _slowDecay;
    private readonly double _signalGain;
    private readonly double _signalDecay;
    private long _samples;
    private double _fastOrigin;
    private double _fastOffsetSum;
    private double _slowOrigin;
    private double _slowOffsetSum;
    private double _signalOrigin;
    private double _signalOffsetSum;
    private double _fast;
    private double _slow;
    private double _smoothed;
    private double _line;
    private double _signal;

    /// <summary>MACD(12, 26, 9). (A struct's <c>new()</c> would otherwise be <c>default</c>, which is no kernel.)</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public MacdKernel()
        : this(12, 26, 9)
    {
    }

    // Inlined, so that a kernel constructed in a local can live in registers.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public MacdKernel(int fastPeriod, int slowPeriod, int signalPeriod)
    {
        Macd.Validate(fastPeriod, slowPeriod, signalPeriod);
        _name = Macd.NameOf(fastPeriod, slowPeriod, signalPeriod);
        _fastPeriod = fastPeriod;
        _slowPeriod = slowPeriod;
        _signalPeriod = signalPeriod;
        _warmUpPeriod = slowPeriod + signalPeriod - 1;
        _fastGain = ExponentialSmoothing.Gain(Ema.Alpha(fastPeriod));
        _fastDecay = ExponentialSmoothing.Decay(Ema.Alpha(fastPeriod));
        _slowGain = ExponentialSmoothing.Gain(Ema.Alpha(slowPeriod));
        _slowDecay = ExponentialSmoothing.Decay(Ema.Alpha(slowPeriod));
        _signalGain = ExponentialSmoothing.Gain(Ema.Alpha(signalPeriod));
        _signalDecay = ExponentialSmoothing.Decay(Ema.Alpha(signalPeriod));
        _line = _signal = double.NaN;
    }

    /// <summary>Inputs after which every output is defined: slow + signal − 1.</summary>
    public readonly int WarmUpPeriod => _warmUpPeriod;

    /// <summary>Inputs consumed.</summary>
    public readonly long Samples => _samples;

    public readonly bool IsReady => _samples >= _warmUpPeriod;

    /// <summary>The MACD line, EMA(fast) − EMA(slow); NaN during warm-up.</summary>
    public readonly double Value => _line;

    /// <summary>EMA(signal) of the MACD line; NaN during warm-up.</summary>
    public readonly double Signal => _signal;

    /// <summary>MACD − signal; NaN during warm-up.</summary>
    public readonly double Histogram => _line - _signal;

    /// <summary>Consumes one input; a NaN or infinite input throws, naming the indicator and the sample.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(double input)
    {
        IndicatorGuard.Finite(input, _name, _samples + 1);
        var n = ++_samples;
        if (n > _warmUpPeriod)
        {
            _fast = ExponentialSmoothing.Step(_fast, input, _fastGain, _fastDecay);
            _slow = ExponentialSmoothing.Step(_slow, input, _slowGain, _slowDecay);
            var line = _fast - _slow;
            _smoothed = ExponentialSmoothing.Step(_smoothed, line, _signalGain, _signalDecay);
            _line = line;
            _signal = _smoothed;
            return;
        }

        WarmUp(n, input);
    }

    /// <summary>Forgets all samples.</summary>
    public void Reset()
    {
        _samples = 0;
        _fastOrigin = _fastOffsetSum = _slowOrigin = _slowOffsetSum = _signalOrigin = _signalOffsetSum = 0;
        _fast = _slow = _smoothed = 0;
        _line = _signal = double.NaN;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WarmUp(long n, double input)
    {
        _fast = ExponentialSmoothing.Update(n, _fastPeriod, ref _fastOrigin, ref _fastOffsetSum, _fast, input, _fastGain, _fastDecay);
        _slow = ExponentialSmoothing.Update(n, _slowPeriod, ref _slowOrigin, ref _slowOffsetSum, _slow, input, _slowGain, _slowDecay);
        var lines = n - _slowPeriod + 1;
        if (lines <= 0)
        {
            return;
        }

        var macd = _fast - _slow;
        _smoothed = ExponentialSmoothing.Update(
            lines, _signalPeriod, ref _signalOrigin, ref _signalOffsetSum, _smoothed, macd, _signalGain, _signalDecay);
        if (lines == _signalPeriod)
        {
            _line = macd;
            _signal = _smoothed;
        }
    }
}
