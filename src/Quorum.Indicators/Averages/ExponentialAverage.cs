namespace Quorum.Indicators.Averages;

/// <summary>
/// The streaming form shared by <see cref="Ema"/> and <see cref="Rma"/>: an exponential average with
/// smoothing factor α, seeded with the simple average of the first <see cref="KernelIndicator{TKernel}.Period"/> inputs, each
/// later step <c>value·(1 − α) + α·input</c> (see <see cref="ExponentialSmoothing"/> for the exact
/// arithmetic, which the batch forms share).
/// </summary>
public abstract class ExponentialAverage : KernelIndicator<ExponentialKernel>
{
    private protected ExponentialAverage(string name, int period, double alpha, PriceSource source)
        : base(name, period, period, source, ExponentialKernel.Named(name, period, alpha))
    {
    }

    /// <summary>The batch form shared by the subclasses' <c>Batch</c> methods.</summary>
    private protected static void BatchOf(string indicator, ReadOnlySpan<double> input, Span<double> output, int period, double alpha)
    {
        CheckBatch(indicator, input, output, period);
        ExponentialSmoothing.Batch(input, output, period, alpha);
    }
}
