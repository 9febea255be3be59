namespace Quorum.Indicators.Statistics;

/// <summary>
/// Population standard deviation √(Σ(x − mean)² / n) of the last <c>period</c> inputs (TA-Lib's
/// STDDEV with one deviation; the deviation Bollinger Bands use). O(1) amortized update without drift.
/// </summary>
public sealed class RollingStandardDeviation : WindowDispersion
{
    public RollingStandardDeviation(int period, PriceSource source = PriceSource.Close)
        : base(NameOf(period, source), period, source, squareRoot: true)
    {
    }

    /// <summary>Batch form; identical to feeding <paramref name="input"/> to a streaming <see cref="RollingStandardDeviation"/>.</summary>
    public static void Batch(ReadOnlySpan<double> input, Span<double> output, int period) =>
        BatchOf(NameOf(period, PriceSource.Close), input, output, period, squareRoot: true);

    private static string NameOf(int period, PriceSource source) =>
        IndicatorNames.WithSource($"stddev_{IndicatorGuard.Period(period, "stddev")}", source);
}
