using System.Runtime.CompilerServices;

namespace Quorum.Indicators.Averages;

/// <summary>
/// The value-type streaming form of <see cref="Ema"/> and <see cref="Rma"/>: the same state and arithmetic
/// (<see cref="ExponentialSmoothing"/>), bit-identical to the classes and to the batch forms, without the
/// <see cref="IIndicator"/> object around it. Held in a local (or a field of a struct held in a local) and
/// updated in a loop, its running value stays in a register across updates, so an update costs what a batch
/// step costs; in an object field every update must store the value and load it back on the next call
/// (store-to-load forwarding, several cycles on the one dependency chain). Create it with <see cref="Ema"/> or
/// <see cref="Rma"/>; <c>default</c> is not a valid kernel. Same contract as the classes: O(1), no allocation,
/// NaN during warm-up, a non-finite input throws.
/// </summary>
public struct ExponentialKernel : IPriceKernel
{
    private readonly string _name;
    private readonly int _period;
    private readonly double _gain;
    private readonly double _decay;
    private long _samples;
    private double _origin;
    private double _offsetSum;
    private double _value;

    /// <summary>Not a kernel: throws (a struct's <c>new()</c> would silently be an indicator of period 0).</summary>
    public ExponentialKernel() => throw new InvalidOperationException("ExponentialKernel has no parameterless form: use ExponentialKernel.Ema(period) or ExponentialKernel.Rma(period)");

    // Inlined, so that a kernel constructed in a local can live in registers.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ExponentialKernel(string name, int period, double alpha)
    {
        _name = name;
        _period = period;
        _gain = ExponentialSmoothing.Gain(alpha);
        _decay = ExponentialSmoothing.Decay(alpha);
        _value = double.NaN;
    }

    /// <summary>Inputs averaged by the seed (and the warm-up period).</summary>
    public readonly int Period => _period;

    /// <summary>Inputs consumed.</summary>
    public readonly long Samples => _samples;

    /// <summary>True from sample <see cref="Period"/> on.</summary>
    public readonly bool IsReady => _samples >= _period;

    /// <summary>The average; NaN during warm-up.</summary>
    public readonly double Value => _value;

    /// <summary>An EMA kernel, α = 2 / (period + 1) (see <see cref="Averages.Ema"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ExponentialKernel Ema(int period) => new(NameOf("ema", period), period, Averages.Ema.Alpha(period));

    /// <summary>A Wilder (RMA) kernel, α = 1 / period (see <see cref="Averages.Rma"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ExponentialKernel Rma(int period) => new(NameOf("rma", period), period, Averages.Rma.Alpha(period));

    internal static ExponentialKernel Named(string name, int period, double alpha) => new(name, period, alpha);

    /// <summary>Consumes one input; a NaN or infinite input throws, naming the indicator and the sample.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(double input)
    {
        IndicatorGuard.Finite(input, _name, _samples + 1);
        var n = ++_samples;
        _value = n > _period
            ? ExponentialSmoothing.Step(_value, input, _gain, _decay)
            : ExponentialSmoothing.Update(n, _period, ref _origin, ref _offsetSum, double.NaN, input, _gain, _decay);
    }

    /// <summary>Forgets all samples.</summary>
    public void Reset()
    {
        _samples = 0;
        _origin = 0;
        _offsetSum = 0;
        _value = double.NaN;
    }

    /// <summary><c>ema_14</c>: out of line, so that the constructors stay small enough to inline (a kernel
    /// returned from a call that is not inlined lives in memory, not in registers).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static string NameOf(string indicator, int period) => $"{indicator}_{IndicatorGuard.Period(period, indicator)}";
}
