namespace Quorum.Indicators.Averages;

/// <summary>
/// The streaming form shared by <see cref="Ema"/> and <see cref="Rma"/>: an exponential average with
/// smoothing factor α, seeded with the simple average of the first <see cref="Period"/> inputs, each
/// later step <c>value·(1 − α) + α·input</c> (see <see cref="ExponentialSmoothing"/> for the exact
/// arithmetic, which the batch forms share).
/// </summary>
public abstract class ExponentialAverage : PriceIndicator
{
    private readonly double _gain;
    private readonly double _decay;
    private double _origin;
    private double _offsetSum;

    private protected ExponentialAverage(string name, int period, double alpha, PriceSource source)
        : base(name, period, source)
    {
        Period = period;
        _gain = ExponentialSmoothing.Gain(alpha);
        _decay = ExponentialSmoothing.Decay(alpha);
    }

    public int Period { get; }

    public sealed override void Update(double input)
    {
        if (!double.IsFinite(input))
        {
            IndicatorGuard.Finite(input, Name, Samples + 1);
        }

        var n = ++Samples;
        Value = n > Period
            ? ExponentialSmoothing.Step(Value, input, _gain, _decay)
            : SeedStep(n, input);
    }

    public sealed override void Reset()
    {
        base.Reset();
        _origin = 0;
        _offsetSum = 0;
    }

    private double SeedStep(long n, double input) =>
        ExponentialSmoothing.Update(n, Period, ref _origin, ref _offsetSum, double.NaN, input, _gain, _decay);

    /// <summary>The batch form shared by the subclasses' <c>Batch</c> methods.</summary>
    private protected static void BatchOf(string indicator, ReadOnlySpan<double> input, Span<double> output, int period, double alpha)
    {
        IndicatorGuard.Period(period, indicator);
        IndicatorGuard.Lengths(input.Length, output.Length, indicator);
        FiniteScan.Require(input, $"{indicator}_{period}");
        ExponentialSmoothing.Batch(input, output, period, alpha);
    }
}
