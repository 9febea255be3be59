using System.Runtime.CompilerServices;
using Quorum.Indicators.Averages;
using Quorum.Indicators.Statistics;

namespace Quorum.Indicators.Volume;

/// <summary>
/// The value-type streaming form of the rolling <see cref="Vwap"/>: the same three drift-free window sums
/// (price·volume, volume, price) and arithmetic, bit-identical to the class and to <see cref="Vwap.Batch(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, int)"/>.
/// It is fed the weighted price itself (compute it as <see cref="OhlcvPoint.Get"/> does, e.g. the typical price)
/// and the volume. Held in a local and updated in a loop, its sums stay in registers across updates (see
/// <see cref="ExponentialKernel"/> for why that matters). <c>default</c> is not a valid kernel: construct it with a
/// period. O(1) amortized, no allocation after construction, NaN during warm-up; a non-finite price or volume, or a
/// negative volume, throws.
/// </summary>
public struct VwapKernel
{
    private readonly string _name;
    private readonly int _period;
    private WindowSum _weighted;
    private WindowSum _volume;
    private WindowSum _price;
    private long _samples;
    private double _value;

    /// <summary>Not a kernel: throws (a struct's <c>new()</c> would silently be an indicator of period 0).</summary>
    public VwapKernel() => throw new InvalidOperationException("VwapKernel has no parameterless form: use new VwapKernel(period)");

    // Inlined, so that a kernel constructed in a local can live in registers.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public VwapKernel(int period)
    {
        _name = ExponentialKernel.NameOf("vwap", period);
        _period = period;
        _weighted = new WindowSum(period);
        _volume = new WindowSum(period);
        _price = new WindowSum(period);
        _value = double.NaN;
    }

    public readonly int Period => _period;

    /// <summary>Bars consumed.</summary>
    public readonly long Samples => _samples;

    /// <summary>True from bar <see cref="Period"/> on.</summary>
    public readonly bool IsReady => _samples >= _period;

    /// <summary>Σ(price·volume)/Σvolume over the window (the mean price when its volume is 0); NaN during warm-up.</summary>
    public readonly double Value => _value;

    /// <summary>Consumes one bar's weighted price and volume; a non-finite one or a negative volume throws, naming the indicator and the bar.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(double price, double volume)
    {
        IndicatorGuard.Finite(price + volume, _name, _samples + 1);
        VolumeCheck.NotNegative(volume, _name, _samples + 1);
        Step(price, volume, inlineWindow: true);
    }

    /// <summary>Forgets all samples.</summary>
    public void Reset()
    {
        _weighted.Reset();
        _volume.Reset();
        _price.Reset();
        _samples = 0;
        _value = double.NaN;
    }

    /// <summary>Consumes a bar already checked, windows out of line, in a call of its own: <see cref="Vwap"/>'s update
    /// (inlined into the class's update, the whole step made it several times slower in the benchmark's loop).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal void StepCompact(double price, double volume) => Step(price, volume, inlineWindow: false);

    /// <summary>
    /// Consumes a bar already checked. With <paramref name="inlineWindow"/> false the windows' block recomputations
    /// stay out of line: for <see cref="Vwap"/>, whose state lives in an object anyway.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Step(double price, double volume, bool inlineWindow)
    {
        _samples++;
        if (inlineWindow)
        {
            _weighted.AddInline(price * volume);
            _volume.AddInline(volume);
            _price.AddInline(price);
        }
        else
        {
            _weighted.Add(price * volume);
            _volume.Add(volume);
            _price.Add(price);
        }

        if (_volume.IsFull)
        {
            _value = _volume.Sum > 0 ? _weighted.Sum / _volume.Sum : _price.Sum / _period;
        }
    }
}
