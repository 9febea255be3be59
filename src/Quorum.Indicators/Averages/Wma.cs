namespace Quorum.Indicators.Averages;

/// <summary>
/// Linearly weighted moving average: weights 1, 2, …, <c>period</c> from the oldest to the newest
/// input of the window, divided by period·(period + 1)/2; first value at sample <c>period</c>.
/// O(1) per update with a running plain sum S and weighted sum W: on a new input x,
/// W ← W + period·x − S and S ← S + x − oldest.
/// </summary>
public sealed class Wma : PriceIndicator
{
    private readonly double[] _window;
    private readonly double _divisor;
    private int _next;
    private double _sum;
    private double _weightedSum;

    public Wma(int period, PriceSource source = PriceSource.Close)
        : base($"wma_{IndicatorGuard.Period(period, "wma")}", period, source)
    {
        Period = period;
        _window = new double[period];
        _divisor = Divisor(period);
    }

    public int Period { get; }

    public override void Update(double input)
    {
        if (!double.IsFinite(input))
        {
            IndicatorGuard.Finite(input, Name, Samples + 1);
        }

        var n = ++Samples;
        var window = _window;
        var next = _next;
        if (n <= Period)
        {
            _weightedSum += n * input;
            _sum += input;
        }
        else
        {
            _weightedSum += (Period * input) - _sum;
            _sum += input - window[next];
        }

        window[next] = input;
        _next = next + 1 == window.Length ? 0 : next + 1;
        if (n >= Period)
        {
            Value = _weightedSum / _divisor;
        }
    }

    public override void Reset()
    {
        base.Reset();
        Array.Clear(_window);
        _next = 0;
        _sum = 0;
        _weightedSum = 0;
    }

    /// <summary>Batch form over a span; identical to feeding <paramref name="input"/> to a streaming <see cref="Wma"/>.</summary>
    public static void Batch(ReadOnlySpan<double> input, Span<double> output, int period)
    {
        IndicatorGuard.Period(period, "wma");
        IndicatorGuard.Lengths(input.Length, output.Length, "wma");
        FiniteScan.Require(input, $"wma_{period}");
        var n = input.Length;
        output = output[..n];
        var divisor = Divisor(period);
        var warm = Math.Min(period, n);
        var sum = 0.0;
        var weightedSum = 0.0;
        for (var i = 0; i < warm; i++)
        {
            var x = input[i];
            weightedSum += (i + 1) * x;
            sum += x;
            output[i] = double.NaN;
        }

        if (n < period)
        {
            return;
        }

        output[period - 1] = weightedSum / divisor;
        for (var i = period; i < n; i++)
        {
            var x = input[i];
            weightedSum += (period * x) - sum;
            sum += x - input[i - period];
            output[i] = weightedSum / divisor;
        }
    }

    private static double Divisor(int period) => period * (period + 1.0) / 2.0;
}
