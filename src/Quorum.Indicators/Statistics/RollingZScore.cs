namespace Quorum.Indicators.Statistics;

/// <summary>
/// Z-score of the newest input against the last <c>period</c> inputs (itself included):
/// (x − mean) / σ with the population deviation σ (as <see cref="RollingStandardDeviation"/>).
/// When the window is constant (σ = 0) the newest input equals the mean and the z-score is 0.
/// Fed volume (<see cref="PriceSource.Volume"/>) it is the volume z-score of seed 001.
/// </summary>
public sealed class RollingZScore : PriceIndicator
{
    private WindowMoments _window;

    public RollingZScore(int period, PriceSource source = PriceSource.Close)
        : base(NameOf(period, source), period, source)
    {
        Period = period;
        _window = new WindowMoments(period);
    }

    public int Period { get; }

    public override void Update(double input)
    {
        IndicatorGuard.Finite(input, Name, Samples + 1);
        Samples++;
        _window.Add(input);
        if (_window.IsFull)
        {
            Value = Score(input, ref _window);
        }
    }

    public override void Reset()
    {
        base.Reset();
        _window.Reset();
    }

    /// <summary>Batch form; identical to feeding <paramref name="input"/> to a streaming <see cref="RollingZScore"/>.</summary>
    public static void Batch(ReadOnlySpan<double> input, Span<double> output, int period)
    {
        var name = NameOf(period, PriceSource.Close);
        IndicatorGuard.Lengths(input.Length, output.Length, name);
        SeriesCheck.Finite(input, name);
        var window = new WindowMoments(period);
        for (var i = 0; i < input.Length; i++)
        {
            window.Add(input[i]);
            output[i] = window.IsFull ? Score(input[i], ref window) : double.NaN;
        }
    }

    private static double Score(double input, ref WindowMoments window)
    {
        var deviation = Math.Sqrt(window.PopulationVariance);
        return deviation > 0 ? (input - window.Mean) / deviation : 0;
    }

    private static string NameOf(int period, PriceSource source) =>
        IndicatorNames.WithSource($"zscore_{IndicatorGuard.Period(period, "zscore")}", source);
}
