namespace Quorum.Indicators.Volatility;

/// <summary>
/// Lowest input of the last <c>period</c> inputs, the newest included (TA-Lib's MIN; LEAN's
/// <c>spy_min.txt</c> on closes). Registry <c>min:5</c> → <c>min_5</c>. Exact; O(1) amortized update.
/// </summary>
public sealed class RollingMinimum : RollingExtremum
{
    public RollingMinimum(int period, PriceSource source = PriceSource.Close)
        : base(period, source, minimum: true)
    {
    }

    /// <summary>Batch form; identical to feeding <paramref name="input"/> to a streaming <see cref="RollingMinimum"/>.</summary>
    public static void Batch(ReadOnlySpan<double> input, Span<double> output, int period) =>
        BatchOf(input, output, period, minimum: true);
}
