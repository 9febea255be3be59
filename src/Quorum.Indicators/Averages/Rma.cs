namespace Quorum.Indicators.Averages;

/// <summary>
/// Wilder's moving average (RMA, SMMA): seeded with the simple average of the first <c>period</c>
/// inputs, then <c>(previous·(period − 1) + input) / period</c>, computed as
/// <c>previous·(1 − α) + α·input</c> with α = 1 / period (an EMA with that α; see
/// <see cref="ExponentialSmoothing"/> for the exact arithmetic). This is the smoothing of Wilder's RSI, ATR and ADX.
/// The first value is at sample <c>period</c>.
/// </summary>
public sealed class Rma : ExponentialAverage
{
    public Rma(int period, PriceSource source = PriceSource.Close)
        : base($"rma_{IndicatorGuard.Period(period, "rma")}", period, Alpha(period), source)
    {
    }

    /// <summary>The smoothing factor 1 / period.</summary>
    public static double Alpha(int period) => 1.0 / period;

    /// <summary>Batch form over a span; identical to feeding <paramref name="input"/> to a streaming <see cref="Rma"/>.</summary>
    public static void Batch(ReadOnlySpan<double> input, Span<double> output, int period)
    {
        BatchOf("rma", input, output, period, Alpha(period));
    }
}
