using Quorum.Indicators.Statistics;

namespace Quorum.Indicators.Volatility;

/// <summary>
/// Shared body of <see cref="RollingMaximum"/> and <see cref="RollingMinimum"/>: the exact extremum of the last
/// <c>period</c> inputs, streaming and batch, from one window maximum. A minimum is the negated maximum of the negated
/// inputs: the side is a sign (±1) fixed at construction and multiplied in (× −1 is an exact negation), so one update
/// serves both sides without a branch. Bit-identical to <see cref="RollingExtremumKernel"/>. O(1) amortized update,
/// no allocation.
/// </summary>
public abstract class RollingExtremum : PriceIndicator
{
    private readonly double _sign;
    private WindowMaximum _window;

    private protected RollingExtremum(int period, PriceSource source, bool minimum)
        : base(NameOf(period, source, minimum), period, source)
    {
        Period = period;
        _sign = SignOf(minimum);
        _window = new WindowMaximum(period);
    }

    public int Period { get; }

    public sealed override void Update(double input)
    {
        IndicatorGuard.Finite(input, Name, Samples + 1);
        Samples++;
        _window.Add(_sign * input);
        if (_window.IsFull)
        {
            Value = _sign * _window.Maximum;
        }
    }

    public sealed override void Reset()
    {
        base.Reset();
        _window.Reset();
    }

    /// <summary>The batch form of either side: identical to feeding <paramref name="input"/> to the streaming class.</summary>
    private protected static void BatchOf(ReadOnlySpan<double> input, Span<double> output, int period, bool minimum)
    {
        var name = NameOf(period, PriceSource.Close, minimum);
        IndicatorGuard.Lengths(input.Length, output.Length, name);
        SeriesCheck.Finite(input, name);
        var sign = SignOf(minimum);
        var window = new WindowMaximum(period);
        for (var i = 0; i < input.Length; i++)
        {
            window.Add(sign * input[i]);
            output[i] = window.IsFull ? sign * window.Maximum : double.NaN;
        }
    }

    /// <summary>−1 for a minimum (the window keeps the maximum of the negated inputs; × −1 is an exact negation), else 1.</summary>
    private static double SignOf(bool minimum) => minimum ? -1.0 : 1.0;

    private static string NameOf(int period, PriceSource source, bool minimum)
    {
        var prefix = minimum ? "min" : "max";
        return IndicatorNames.WithSource($"{prefix}_{IndicatorGuard.Period(period, prefix)}", source);
    }
}
