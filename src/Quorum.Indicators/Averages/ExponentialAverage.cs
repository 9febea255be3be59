namespace Quorum.Indicators.Averages;

/// <summary>
/// The streaming form shared by <see cref="Ema"/> and <see cref="Rma"/>: an exponential average with
/// smoothing factor α, seeded with the simple average of the first <see cref="Period"/> inputs, each
/// later step <c>value·(1 − α) + α·input</c> (see <see cref="ExponentialSmoothing"/> for the exact
/// arithmetic, which the batch forms share).
/// </summary>
public abstract class ExponentialAverage : PriceIndicator
{
    private ExponentialKernel _kernel;

    private protected ExponentialAverage(string name, int period, double alpha, PriceSource source)
        : base(name, period, source)
    {
        Period = period;
        _kernel = ExponentialKernel.Named(name, period, alpha);
    }

    public int Period { get; }

    public sealed override void Update(double input)
    {
        _kernel.Update(input);
        Samples = _kernel.Samples;
        Value = _kernel.Value;
    }

    public sealed override void Reset()
    {
        base.Reset();
        _kernel.Reset();
    }

    /// <summary>The batch form shared by the subclasses' <c>Batch</c> methods.</summary>
    private protected static void BatchOf(string indicator, ReadOnlySpan<double> input, Span<double> output, int period, double alpha)
    {
        IndicatorGuard.Period(period, indicator);
        IndicatorGuard.Lengths(input.Length, output.Length, indicator);
        FiniteScan.Require(input, $"{indicator}_{period}");
        ExponentialSmoothing.Batch(input, output, period, alpha);
    }
}
