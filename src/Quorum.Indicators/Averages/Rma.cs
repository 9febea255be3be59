namespace Quorum.Indicators.Averages;

/// <summary>
/// Wilder's moving average (RMA, SMMA): seeded with the simple average of the first <c>period</c>
/// inputs, then <c>(previous·(period − 1) + input) / period</c>, computed as
/// <c>previous·(1 − α) + α·input</c> with α = 1 / period (an EMA with that α; see
/// <see cref="ExponentialSmoothing"/> for the exact arithmetic). This is the smoothing of Wilder's RSI, ATR and ADX.
/// The first value is at sample <c>period</c>.
/// </summary>
public sealed class Rma : PriceIndicator
{
    private readonly double _gain;
    private readonly double _decay;
    private double _origin;
    private double _offsetSum;

    public Rma(int period, PriceSource source = PriceSource.Close)
        : base($"rma_{IndicatorGuard.Period(period, "rma")}", period, source)
    {
        Period = period;
        _gain = ExponentialSmoothing.Gain(Alpha(period));
        _decay = ExponentialSmoothing.Decay(Alpha(period));
    }

    public int Period { get; }

    /// <summary>The smoothing factor 1 / period.</summary>
    public static double Alpha(int period) => 1.0 / period;

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

    /// <summary>Batch form over a span; identical to feeding <paramref name="input"/> to a streaming <see cref="Rma"/>.</summary>
    public static void Batch(ReadOnlySpan<double> input, Span<double> output, int period)
    {
        IndicatorGuard.Period(period, "rma");
        IndicatorGuard.Lengths(input.Length, output.Length, "rma");
        FiniteScan.Require(input, $"rma_{period}");
        ExponentialSmoothing.Batch(input, output, period, Alpha(period));
    }
}
