using System.Runtime.CompilerServices;
using Quorum.Indicators.Averages;
using Quorum.Indicators.Statistics;

namespace Quorum.Indicators.Volatility;

/// <summary>
/// The value-type streaming form of <see cref="BollingerBands"/>: the same drift-free window moments and arithmetic,
/// bit-identical to the class and to <see cref="BollingerBands.Batch"/>. Held in a local and updated in a loop, its
/// running sums stay in registers across updates (see <see cref="ExponentialKernel"/> for why that matters). An
/// update computes the three bands; width and %B are derived from them when read (the same operations as the batch
/// form). <c>default</c> is not a valid kernel: construct it with a period and a multiplier. O(1) amortized, no
/// allocation after construction, NaN during warm-up, a non-finite input throws.
/// </summary>
public struct BollingerKernel
{
    private readonly string _name;
    private readonly int _period;
    private readonly double _multiplier;
    private WindowMoments _window;
    private long _samples;
    private double _input;
    private double _middle;
    private double _upper;
    private double _lower;

    /// <summary>Not a kernel: throws (a struct's <c>new()</c> would silently be an indicator of period 0).</summary>
    public BollingerKernel() => throw new InvalidOperationException("BollingerKernel has no parameterless form: use new BollingerKernel(period, multiplier)");

    // Inlined, so that a kernel constructed in a local can live in registers.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public BollingerKernel(int period, double multiplier)
    {
        _name = BollingerBands.NameOf(period, multiplier);
        _period = period;
        _multiplier = multiplier;
        _window = new WindowMoments(period);
        _middle = _upper = _lower = double.NaN;
    }

    public readonly int Period => _period;

    /// <summary>Deviations between the middle band and each outer band.</summary>
    public readonly double Multiplier => _multiplier;

    /// <summary>Inputs consumed.</summary>
    public readonly long Samples => _samples;

    /// <summary>True from sample <see cref="Period"/> on.</summary>
    public readonly bool IsReady => _samples >= _period;

    /// <summary>Mean of the window; NaN during warm-up.</summary>
    public readonly double Middle => _middle;

    /// <summary>Middle + multiplier·σ (population); NaN during warm-up.</summary>
    public readonly double Upper => _upper;

    /// <summary>Middle − multiplier·σ (population); NaN during warm-up.</summary>
    public readonly double Lower => _lower;

    /// <summary>100·(upper − lower)/middle, 0 when the bands coincide; NaN during warm-up.</summary>
    public readonly double Width => IsReady ? BollingerBands.BandWidth(_middle, _upper - _lower) : double.NaN;

    /// <summary>(input − lower)/(upper − lower), 0.5 when the bands coincide; NaN during warm-up.</summary>
    public readonly double PercentB => IsReady ? BollingerBands.PercentOfBand(_input, _lower, _upper - _lower) : double.NaN;

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
        _input = 0;
        _middle = _upper = _lower = double.NaN;
    }

    /// <summary>Consumes an input already checked, windows out of line, in a call of its own: <see cref="BollingerBands"/>'s update
    /// (inlined into the class's update, the whole step made it several times slower in the benchmark's loop).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal void StepCompact(double input) => Step(input, inlineWindow: false);

    /// <summary>
    /// Consumes an input already checked. With <paramref name="inlineWindow"/> false the window's block recomputation
    /// stays out of line: for <see cref="BollingerBands"/>, whose state lives in an object anyway.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Step(double input, bool inlineWindow)
    {
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
            _input = input;
            var middle = _window.Mean;
            var offset = _multiplier * Math.Sqrt(_window.PopulationVariance);
            _middle = middle;
            _upper = middle + offset;
            _lower = middle - offset;
        }
    }
}
