using Quorum.Indicators.Statistics;

namespace Quorum.Indicators.Volatility;

/// <summary>
/// Highest input of the last <c>period</c> inputs, the newest included (TA-Lib's MAX; LEAN's
/// <c>spy_max.txt</c> on closes). Registry <c>max:5</c> → <c>max_5</c>. Exact; O(1) amortized update.
/// </summary>
public sealed class RollingMaximum : PriceIndicator
{
    private RollingExtremumKernel _kernel;

    public RollingMaximum(int period, PriceSource source = PriceSource.Close)
        : base(NameOf(period, source), period, source)
    {
        Period = period;
        _kernel = RollingExtremumKernel.Maximum(period);
    }

    public int Period { get; }

    public override void Update(double input)
    {
        IndicatorGuard.Finite(input, Name, Samples + 1);
        _kernel.Step(input, inlineWindow: false);
        Samples = _kernel.Samples;
        Value = _kernel.Value;
    }

    public override void Reset()
    {
        base.Reset();
        _kernel.Reset();
    }

    /// <summary>Batch form; identical to feeding <paramref name="input"/> to a streaming <see cref="RollingMaximum"/>.</summary>
    public static void Batch(ReadOnlySpan<double> input, Span<double> output, int period)
    {
        var name = NameOf(period, PriceSource.Close);
        IndicatorGuard.Lengths(input.Length, output.Length, name);
        SeriesCheck.Finite(input, name);
        var window = new WindowMaximum(period);
        for (var i = 0; i < input.Length; i++)
        {
            window.Add(input[i]);
            output[i] = window.IsFull ? window.Maximum : double.NaN;
        }
    }

    private static string NameOf(int period, PriceSource source) =>
        IndicatorNames.WithSource($"max_{IndicatorGuard.Period(period, "max")}", source);
}
