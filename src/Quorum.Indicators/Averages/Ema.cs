namespace Quorum.Indicators.Averages;

/// <summary>
/// Exponential moving average, α = 2 / (period + 1), seeded with the simple average of the first
/// <c>period</c> inputs (TA-Lib's and LEAN's convention): the first value is at sample <c>period</c>.
/// Each later step is <c>value·(1 − α) + α·input</c>; see <see cref="ExponentialSmoothing"/> for the exact arithmetic.
/// </summary>
public sealed class Ema : PriceIndicator
{
    private readonly double _gain;
    private readonly double _decay;
    private double _origin;
    private double _offsetSum;

    public Ema(int period, PriceSource source = PriceSource.Close)
        : base($"ema_{IndicatorGuard.Period(period, "ema")}", period, source)
    {
        Period = period;
        _gain = ExponentialSmoothing.Gain(Alpha(period));
        _decay = ExponentialSmoothing.Decay(Alpha(period));
    }

    public int Period { get; }

    /// <summary>The smoothing factor 2 / (period + 1).</summary>
    public static double Alpha(int period) => 2.0 / (period + 1);

    public override void Update(double input)
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

    public override void Reset()
    {
        base.Reset();
        _origin = 0;
        _offsetSum = 0;
    }

    private double SeedStep(long n, double input) =>
        ExponentialSmoothing.Update(n, Period, ref _origin, ref _offsetSum, double.NaN, input, _gain, _decay);

    /// <summary>Batch form over a span; identical to feeding <paramref name="input"/> to a streaming <see cref="Ema"/>.</summary>
    public static void Batch(ReadOnlySpan<double> input, Span<double> output, int period)
    {
        IndicatorGuard.Period(period, "ema");
        IndicatorGuard.Lengths(input.Length, output.Length, "ema");
        FiniteScan.Require(input, $"ema_{period}");
        ExponentialSmoothing.Batch(input, output, period, Alpha(period));
    }
}
