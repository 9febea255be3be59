namespace Quorum.Indicators.Statistics;

/// <summary>
/// Population variance Σ(x − mean)² / n of the last <c>period</c> inputs (TA-Lib's VAR; LEAN's
/// <c>spy_var.txt</c>). O(1) amortized update without drift (see <see cref="WindowMoments"/>).
/// </summary>
public sealed class RollingVariance : WindowDispersion
{
    public RollingVariance(int period, PriceSource source = PriceSource.Close)
        : base(NameOf(period, source), period, source, squareRoot: false)
    {
    }

    /// <summary>Batch form; identical to feeding <paramref name="input"/> to a streaming <see cref="RollingVariance"/>.</summary>
    public static void Batch(ReadOnlySpan<double> input, Span<double> output, int period) =>
        BatchOf(NameOf(period, PriceSource.Close), input, output, period, squareRoot: false);

    private static string NameOf(int period, PriceSource source) =>
        IndicatorNames.WithSource($"var_{IndicatorGuard.Period(period, "var")}", source);
}
