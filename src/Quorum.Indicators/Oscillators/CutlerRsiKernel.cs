using System.Runtime.CompilerServices;
using Quorum.Indicators.Averages;

namespace Quorum.Indicators.Oscillators;

/// <summary>
/// The value-type streaming form of <see cref="CutlerRsi"/>: the same ring of changes, running sums and exact-zero
/// resets, bit-identical to the class and to <see cref="CutlerRsi.Batch"/>. Held in a local and updated in a loop,
/// its sums and counts stay in registers across updates (see <see cref="ExponentialKernel"/> for why that matters).
/// <c>default</c> is not a valid kernel: construct it with a period. O(1), no allocation after construction (the
/// ring is allocated once), NaN during warm-up, a non-finite input throws.
/// </summary>
public struct CutlerRsiKernel
{
    private readonly string _name;
    private readonly int _period;
    private readonly double[] _changes;
    private long _samples;
    private int _next;
    private double _previous;
    private double _gainSum;
    private double _lossSum;
    private int _gains;
    private int _losses;
    private double _value;

    /// <summary>Not a kernel: throws (a struct's <c>new()</c> would silently be an indicator of period 0).</summary>
    public CutlerRsiKernel() => throw new InvalidOperationException("CutlerRsiKernel has no parameterless form: use new CutlerRsiKernel(period)");

    // Inlined, so that a kernel constructed in a local can live in registers.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public CutlerRsiKernel(int period)
    {
        _name = ExponentialKernel.NameOf("cutler_rsi", period);
        _period = period;
        _changes = new double[period];
        _value = double.NaN;
    }

    public readonly int Period => _period;

    /// <summary>Inputs after which the index is defined: period + 1 (period changes).</summary>
    public readonly int WarmUpPeriod => _period + 1;

    /// <summary>Inputs consumed.</summary>
    public readonly long Samples => _samples;

    public readonly bool IsReady => _samples > _period;

    /// <summary>The index, 0 … 100 (50 when the window holds no change); NaN during warm-up.</summary>
    public readonly double Value => _value;

    /// <summary>Consumes one input; a NaN or infinite input throws, naming the indicator and the sample.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(double input)
    {
        IndicatorGuard.Finite(input, _name, _samples + 1);
        var n = ++_samples;
        var change = input - _previous;
        _previous = input;
        if (n == 1)
        {
            return;
        }

        // The sums and counts go through locals (not refs to this struct's fields), so nothing takes its address.
        var changes = _changes;
        var next = _next;
        var (gainSum, lossSum, gains, losses) = (_gainSum, _lossSum, _gains, _losses);
        if (n > _period + 1)
        {
            CutlerRsi.Remove(changes[next], ref gainSum, ref lossSum, ref gains, ref losses);
        }

        CutlerRsi.Add(change, ref gainSum, ref lossSum, ref gains, ref losses);
        (_gainSum, _lossSum, _gains, _losses) = (gainSum, lossSum, gains, losses);
        changes[next] = change;
        _next = next + 1 == changes.Length ? 0 : next + 1;
        if (n > _period)
        {
            _value = Rsi.Index(gainSum, lossSum);
        }
    }

    /// <summary>Forgets all samples.</summary>
    public void Reset()
    {
        Array.Clear(_changes);
        _samples = 0;
        _next = 0;
        _previous = 0;
        _gainSum = 0;
        _lossSum = 0;
        _gains = 0;
        _losses = 0;
        _value = double.NaN;
    }
}
