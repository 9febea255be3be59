namespace Quorum.Indicators.Averages;

/// <summary>
/// Simple moving average: the mean of the last <c>period</c> inputs, first value at sample
/// <c>period</c>. O(1) per update with a running sum (the input is added, the mean taken, then the
/// input leaving the window subtracted, as TA-Lib does).
/// </summary>
public sealed class Sma : PriceIndicator
{
    private readonly double[] _window;
    private int _next;
    private double _sum;

    public Sma(int period, PriceSource source = PriceSource.Close)
        : base($"sma_{IndicatorGuard.Period(period, "sma")}", period, source)
    {
        Period = period;
        _window = new double[period];
    }

    public int Period { get; }

    public override void Update(double input)
    {
        if (!double.IsFinite(input))
        {
            IndicatorGuard.Finite(input, Name, Samples + 1);
        }

        var n = ++Samples;
        if (Step(input, n, _window, ref _next, ref _sum, out var mean))
        {
            Value = mean;
        }
    }

    public override void Reset()
    {
        base.Reset();
        Array.Clear(_window);
        _next = 0;
        _sum = 0;
    }

    /// <summary>
    /// One update of a running-sum window mean (shared with the indicators that smooth with an SMA, so
    /// their streaming and batch forms use the same operations): adds <paramref name="input"/>, sample
    /// <paramref name="sample"/> (1-based), and returns true with the mean once the window is full.
    /// </summary>
    internal static bool Step(double input, long sample, double[] window, ref int next, ref double sum, out double mean)
    {
        // Locals, one write-back each: a store to the window could alias the ref parameters, which
        // would force reloads through memory on the dependency chain.
        var total = sum + input;
        var position = next;
        window[position] = input;
        position = position + 1 == window.Length ? 0 : position + 1;
        next = position;
        if (sample < window.Length)
        {
            sum = total;
            mean = double.NaN;
            return false;
        }

        mean = total / window.Length;

        // window[position] is the oldest input of the full window: it leaves with the next update.
        sum = total - window[position];
        return true;
    }

    /// <summary>Batch form over a span; identical to feeding <paramref name="input"/> to a streaming <see cref="Sma"/>.</summary>
    public static void Batch(ReadOnlySpan<double> input, Span<double> output, int period)
    {
        IndicatorGuard.Period(period, "sma");
        IndicatorGuard.Lengths(input.Length, output.Length, "sma");
        FiniteScan.Require(input, $"sma_{period}");
        var n = input.Length;
        output = output[..n];
        var warm = Math.Min(period - 1, n);
        var sum = 0.0;
        for (var i = 0; i < warm; i++)
        {
            sum += input[i];
            output[i] = double.NaN;
        }

        for (var i = warm; i < n; i++)
        {
            sum += input[i];
            output[i] = sum / period;
            sum -= input[i - period + 1];
        }
    }
}
