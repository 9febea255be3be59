namespace Quorum.Indicators.Volatility;

/// <summary>
/// Highest input of the last <c>period</c> inputs, the newest included (TA-Lib's MAX; LEAN's
/// <c>spy_max.txt</c> on closes). Registry <c>max:5</c> → <c>max_5</c>. Exact; O(1) amortized update.
/// </summary>
public sealed class RollingMaximum : RollingExtremum
{
    public RollingMaximum(int period, PriceSource source = PriceSource.Close)
        : base(period, source, minimum: false)
    {
    }

    /// <summary>Batch form; identical to feeding <paramref name="input"/> to a streaming <see cref="RollingMaximum"/>.</summary>
    public static void Batch(ReadOnlySpan<double> input, Span<double> output, int period) =>
        BatchOf(input, output, period, minimum: false);
}
