using System.Runtime.CompilerServices;
using Quorum.Indicators.Averages;
using Quorum.Indicators.Statistics;

namespace Quorum.Indicators.Volatility;

/// <summary>
/// The value-type streaming form of <see cref="RollingMaximum"/> and <see cref="RollingMinimum"/>: the same exact
/// window maximum (a minimum is the negated maximum of the negated inputs; negation is exact), bit-identical to the
/// classes and to their batch forms. Held in a local and updated in a loop, its state stays in registers across
/// updates (see <see cref="ExponentialKernel"/> for why that matters). Create it with <see cref="Maximum"/> or
/// <see cref="Minimum"/>; <c>default</c> is not a valid kernel. O(1) amortized, no allocation after construction,
/// NaN during warm-up, a non-finite input throws.
/// </summary>
public struct RollingExtremumKernel
{
    private readonly string _name;
    private readonly int _period;
    private readonly bool _minimum;
    private WindowMaximum _window;
    private long _samples;
    private double _value;

    /// <summary>Not a kernel: throws (a struct's <c>new()</c> would silently be an indicator of period 0).</summary>
    public RollingExtremumKernel() =>
        throw new InvalidOperationException("RollingExtremumKernel has no parameterless form: use RollingExtremumKernel.Maximum(period) or RollingExtremumKernel.Minimum(period)");

    // Inlined, so that a kernel constructed in a local can live in registers.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private RollingExtremumKernel(string name, int period, bool minimum)
    {
        _name = name;
        _period = period;
        _minimum = minimum;
        _window = new WindowMaximum(period);
        _value = double.NaN;
    }

    public readonly int Period => _period;

    /// <summary>True for a rolling minimum, false for a rolling maximum.</summary>
    public readonly bool IsMinimum => _minimum;

    /// <summary>Inputs consumed.</summary>
    public readonly long Samples => _samples;

    /// <summary>True from sample <see cref="Period"/> on.</summary>
    public readonly bool IsReady => _samples >= _period;

    /// <summary>The highest (or lowest) of the last <see cref="Period"/> inputs; NaN during warm-up.</summary>
    public readonly double Value => _value;

    /// <summary>A rolling-maximum kernel (<c>max_20</c>, see <see cref="RollingMaximum"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static RollingExtremumKernel Maximum(int period) => new(ExponentialKernel.NameOf("max", period), period, minimum: false);

    /// <summary>A rolling-minimum kernel (<c>min_20</c>, see <see cref="RollingMinimum"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static RollingExtremumKernel Minimum(int period) => new(ExponentialKernel.NameOf("min", period), period, minimum: true);

    /// <summary>Consumes one input; a NaN or infinite input throws, naming the indicator and the sample.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(double input)
    {
        IndicatorGuard.Finite(input, _name, _samples + 1);
        Step(input, inlineWindow: true);
    }

    /// <summary>Forgets all samples.</summary>
    public void Reset()
    {
        _window.Reset();
        _samples = 0;
        _value = double.NaN;
    }

    /// <summary>
    /// Consumes an input already checked. With <paramref name="inlineWindow"/> false the window's block recomputation
    /// stays out of line: for the classes, whose state lives in an object anyway.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Step(double input, bool inlineWindow)
    {
        _samples++;
        var x = _minimum ? -input : input;
        if (inlineWindow)
        {
            _window.AddInline(x);
        }
        else
        {
            _window.Add(x);
        }

        if (_window.IsFull)
        {
            var extremum = _window.Maximum;
            _value = _minimum ? -extremum : extremum;
        }
    }
}
