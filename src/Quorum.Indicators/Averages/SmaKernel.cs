using System.Runtime.CompilerServices;
using Quorum.Indicators.Statistics;

namespace Quorum.Indicators.Averages;

/// <summary>
/// The value-type streaming form of <see cref="Sma"/> (same <see cref="WindowSum"/>, bit-identical to the class
/// and to <see cref="Sma.Batch"/>). Held in a local and updated in a loop, its running sum stays in a register
/// across updates (see <see cref="ExponentialKernel"/> for why that matters). <c>default</c> is not a valid
/// kernel: construct it with a period. O(1) amortized, no allocation after construction, NaN during warm-up,
/// a non-finite input throws.
/// </summary>
public struct SmaKernel : IPriceKernel
{
    private readonly string _name;
    private readonly int _period;
    private WindowSum _window;
    private long _samples;
    private double _value;

    /// <summary>Not a kernel: throws (a struct's <c>new()</c> would silently be an indicator of period 0).</summary>
    public SmaKernel() => throw new InvalidOperationException("SmaKernel has no parameterless form: use new SmaKernel(period)");

    // Inlined, so that a kernel constructed in a local can live in registers.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public SmaKernel(int period)
    {
        _name = ExponentialKernel.NameOf("sma", period);
        _period = period;
        _window = new WindowSum(period);
        _value = double.NaN;
    }

    public readonly int Period => _period;

    /// <summary>Inputs consumed.</summary>
    public readonly long Samples => _samples;

    /// <summary>True from sample <see cref="Period"/> on.</summary>
    public readonly bool IsReady => _samples >= _period;

    /// <summary>The mean of the last <see cref="Period"/> inputs; NaN during warm-up.</summary>
    public readonly double Value => _value;

    /// <summary>Consumes one input; a NaN or infinite input throws, naming the indicator and the sample.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(double input) => Step(input, inlineWindow: true);

    /// <summary>
    /// <see cref="Update"/> with the window's block recomputation out of line: the form <see cref="Sma"/> (a
    /// <see cref="KernelIndicator{TKernel}"/>) calls, whose state lives in an object anyway and whose update is faster small.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void IPriceKernel.Update(double input) => Step(input, inlineWindow: false);

    /// <summary>Forgets all samples.</summary>
    public void Reset()
    {
        _window.Reset();
        _samples = 0;
        _value = double.NaN;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Step(double input, bool inlineWindow)
    {
        IndicatorGuard.Finite(input, _name, _samples + 1);
        _samples++;
        if (inlineWindow)
        {
            _window.AddInline(input);
        }
        else
        {
            _window.Add(input);
        }

        if (_window.IsFull)
        {
            _value = _window.Sum / _period;
        }
    }
}
