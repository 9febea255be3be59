namespace Quorum.Indicators.Statistics;

/// <summary>
/// Shared body of <see cref="RollingVariance"/> and <see cref="RollingStandardDeviation"/>: the population
/// variance of the last <c>period</c> inputs from a drift-free <see cref="WindowMoments"/>, optionally its square root.
/// </summary>
public abstract class WindowDispersion : PriceIndicator
{
    private readonly bool _squareRoot;
    private WindowMoments _window;

    private protected WindowDispersion(string name, int period, PriceSource source, bool squareRoot)
        : base(name, period, source)
    {
        Period = period;
        _squareRoot = squareRoot;
        _window = new WindowMoments(period);
    }

    public int Period { get; }

    public sealed override void Update(double input)
    {
        IndicatorGuard.Finite(input, Name, Samples + 1);
        Samples++;
        _window.Add(input);
        if (_window.IsFull)
        {
            Value = Output(_window.PopulationVariance, _squareRoot);
        }
    }

    public sealed override void Reset()
    {
        base.Reset();
        _window.Reset();
    }

    private protected static void BatchOf(string name, ReadOnlySpan<double> input, Span<double> output, int period, bool squareRoot)
    {
        IndicatorGuard.Lengths(input.Length, output.Length, name);
        SeriesCheck.Finite(input, name);
        var window = new WindowMoments(period);
        for (var i = 0; i < input.Length; i++)
        {
            window.Add(input[i]);
            output[i] = window.IsFull ? Output(window.PopulationVariance, squareRoot) : double.NaN;
        }
    }

    private static double Output(double variance, bool squareRoot) => squareRoot ? Math.Sqrt(variance) : variance;
}
