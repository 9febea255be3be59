namespace Quorum.Indicators.Averages;

/// <summary>
/// Exponential moving average, α = 2 / (period + 1), seeded with the simple average of the first
/// <c>period</c> inputs (TA-Lib's and LEAN's convention): the first value is at sample <c>period</c>.
/// Each later step is <c>value·(1 − α) + α·input</c>; see <see cref="ExponentialSmoothing"/> for the exact arithmetic.
/// </summary>
public sealed class Ema : ExponentialAverage
{
    public Ema(int period, PriceSource source = PriceSource.Close)
        : base($"ema_{IndicatorGuard.Period(period, "ema")}", period, Alpha(period), source)
    {
    }

    /// <summary>The smoothing factor 2 / (period + 1).</summary>
    public static double Alpha(int period) => 2.0 / (period + 1);

    /// <summary>Batch form over a span; identical to feeding <paramref name="input"/> to a streaming <see cref="Ema"/>.</summary>
    public static void Batch(ReadOnlySpan<double> input, Span<double> output, int period)
    {
        BatchOf("ema", input, output, period, Alpha(period));
    }
}
