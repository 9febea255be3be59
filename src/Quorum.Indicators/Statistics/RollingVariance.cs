namespace Quorum.Indicators.Statistics;

/// <summary>
/// Population variance Σ(x − mean)² / n of the last <c>period</c> inputs (TA-Lib's VAR; LEAN's
/// <c>spy_var.txt</c>). O(1) amortized update without drift (see <see cref="WindowMoments"/>).
/// </summary>
public sealed class RollingVariance : PriceIndicator
{
    private WindowMoments _window;

    public RollingVariance(int period, PriceSource source = PriceSource.Close)
        : base(NameOf(period, source), period, source)
    {
        Period = period;
        _window = new WindowMoments(period);
    }

    public int Period { get; }

    public override void Update(double input)
    {
        IndicatorGuard.Finite(input, Name, Samples + 1);
        Samples++;
        _window.Add(input);
        if (_window.IsFull)
        {
            Value = _window.PopulationVariance;
        }
    }

    public override void Reset()
    {
        base.Reset();
        _window.Reset();
    }

    /// <summary>Batch form; identical to feeding <paramref name="input"/> to a streaming <see cref="RollingVariance"/>.</summary>
    public static void Batch(ReadOnlySpan<double> input, Span<double> output, int period)
    {
        var name = NameOf(period, PriceSource.Close);
        IndicatorGuard.Lengths(input.Length, output.Length, name);
        SeriesCheck.Finite(input, name);
        var window = new WindowMoments(period);
        for (var i = 0; i < input.Length; i++)
        {
            window.Add(input[i]);
            output[i] = window.IsFull ? window.PopulationVariance : double.NaN;
        }
    }

    private static string NameOf(int period, PriceSource source) =>
        IndicatorNames.WithSource($"var_{IndicatorGuard.Period(period, "var")}", source);
}
