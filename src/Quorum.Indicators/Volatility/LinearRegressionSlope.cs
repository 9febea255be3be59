using Quorum.Indicators.Statistics;

namespace Quorum.Indicators.Volatility;

/// <summary>
/// Slope of the least-squares line through the last <c>period</c> inputs against their position
/// (TA-Lib's LINEARREG_SLOPE): price change per bar (<c>slope:20</c> → <c>slope_20</c>). Normalized
/// (<c>slope_norm:20</c> → <c>slope_norm_20</c>) it is divided by the newest input, a fraction of the
/// price per bar (0.001 = 0.1 % a bar), comparable across instruments; normalizing needs a non-zero
/// newest input. period ≥ 2. O(1) amortized update without drift (see <see cref="WindowRegression"/>).
/// </summary>
public sealed class LinearRegressionSlope : PriceIndicator
{
    private WindowRegression _window;

    public LinearRegressionSlope(int period, bool normalized = false, PriceSource source = PriceSource.Close)
        : base(NameOf(period, normalized, source), period, source)
    {
        Period = period;
        Normalized = normalized;
        _window = new WindowRegression(period);
    }

    public int Period { get; }

    /// <summary>True when the slope is divided by the newest input.</summary>
    public bool Normalized { get; }

    public override void Update(double input)
    {
        IndicatorGuard.Finite(input, Name, Samples + 1);
        if (Normalized)
        {
            NonZero(input, Name, Samples + 1);
        }

        Samples++;
        _window.Add(input);
        if (_window.IsFull)
        {
            Value = Normalized ? _window.Slope / input : _window.Slope;
        }
    }

    public override void Reset()
    {
        base.Reset();
        _window.Reset();
    }

    /// <summary>Batch form; identical to feeding <paramref name="input"/> to a streaming <see cref="LinearRegressionSlope"/>.</summary>
    public static void Batch(ReadOnlySpan<double> input, Span<double> output, int period, bool normalized = false)
    {
        var name = NameOf(period, normalized, PriceSource.Close);
        IndicatorGuard.Lengths(input.Length, output.Length, name);
        SeriesCheck.Finite(input, name);
        if (normalized)
        {
            for (var i = 0; i < input.Length; i++)
            {
                NonZero(input[i], name, i + 1);
            }
        }

        var window = new WindowRegression(period);
        for (var i = 0; i < input.Length; i++)
        {
            var x = input[i];
            window.Add(x);
            output[i] = !window.IsFull ? double.NaN : normalized ? window.Slope / x : window.Slope;
        }
    }

    private static void NonZero(double input, string name, long sample)
    {
        if (input == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(input), input, $"{name}: input #{sample} is 0; a slope normalized by price needs a non-zero price");
        }
    }

    private static string NameOf(int period, bool normalized, PriceSource source) =>
        IndicatorNames.WithSource($"{(normalized ? "slope_norm" : "slope")}_{IndicatorGuard.Period(period, normalized ? "slope_norm" : "slope", minimum: 2)}", source);
}
