namespace Quorum.Indicators.Statistics;

/// <summary>
/// Exact quantile <c>q</c> of the last <c>period</c> inputs, O(log period) per update (two indexed
/// heaps over a ring, see <see cref="OrderStatisticWindow"/>), no allocation per update.
/// Interpolation is linear between order statistics, NumPy's default (<c>method="linear"</c>,
/// Hyndman–Fan type 7): with the window sorted as x₍0₎ ≤ … ≤ x₍n−1₎ and h = (n − 1)·q, the value is
/// x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎); q = 0 is the minimum, q = 0.5 the median, q = 1 the maximum.
/// </summary>
public sealed class RollingQuantile : PriceIndicator
{
    private readonly OrderStatisticWindow _window;

    public RollingQuantile(int period, double quantile, PriceSource source = PriceSource.Close)
        : base(NameOf(period, quantile, source), period, source)
    {
        Period = period;
        Quantile = quantile;
        _window = new OrderStatisticWindow(period, quantile);
    }

    public int Period { get; }

    /// <summary>The quantile q in [0, 1].</summary>
    public double Quantile { get; }

    public override void Update(double input)
    {
        IndicatorGuard.Finite(input, Name, Samples + 1);
        Samples++;
        _window.Add(input);
        if (_window.IsFull)
        {
            Value = _window.Quantile;
        }
    }

    public override void Reset()
    {
        base.Reset();
        _window.Reset();
    }

    /// <summary>Batch form; identical to feeding <paramref name="input"/> to a streaming <see cref="RollingQuantile"/>.</summary>
    public static void Batch(ReadOnlySpan<double> input, Span<double> output, int period, double quantile)
    {
        var name = NameOf(period, quantile, PriceSource.Close);
        IndicatorGuard.Lengths(input.Length, output.Length, name);
        SeriesCheck.Finite(input, name);
        var window = new OrderStatisticWindow(period, quantile);
        for (var i = 0; i < input.Length; i++)
        {
            window.Add(input[i]);
            output[i] = window.IsFull ? window.Quantile : double.NaN;
        }
    }

    private static string NameOf(int period, double quantile, PriceSource source)
    {
        IndicatorGuard.Period(period, "quantile");
        if (!(quantile >= 0 && quantile <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(quantile), quantile, $"quantile: quantile {quantile} is out of range (0 ≤ quantile ≤ 1)");
        }

        return IndicatorNames.WithSource($"quantile_{period}_{IndicatorNames.Number(quantile)}", source);
    }
}
