namespace Quorum.Indicators.Averages;

/// <summary>
/// Linearly weighted moving average: weights 1, 2, …, <c>period</c> from the oldest to the newest
/// input of the window, divided by period·(period + 1)/2; first value at sample <c>period</c>.
/// O(1) amortized per update and free of drift, like <see cref="Statistics.WindowSum"/>: nothing is
/// ever subtracted. The window is the tail of the older block of <c>period</c> inputs (from ring
/// position j + 1) and the newer block's values 0 … j. Every <c>period</c> updates the completed block's
/// suffix sums are recomputed, T[k] = Σ<sub>m ≥ k</sub> (m − k + 1)·x<sub>m</sub> (the weighted sum of
/// the tail that starts at k, weights 1, 2, …), and the newer values are summed as they come, plain
/// (B) and weighted by their position (V = Σ (m + 1)·x<sub>m</sub>); then the window's weighted sum is
/// T[j + 1] + V + (period − 1 − j)·B, made only of values still in the window, with non-negative weights.
/// </summary>
public sealed class Wma : PriceIndicator
{
    private readonly double[] _window;
    private readonly double[] _suffix;
    private readonly double _divisor;
    private int _next;
    private double _back;
    private double _backWeighted;

    public Wma(int period, PriceSource source = PriceSource.Close)
        : base($"wma_{IndicatorGuard.Period(period, "wma")}", period, source)
    {
        Period = period;
        _window = new double[period];
        _suffix = new double[period + 1];
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
        var j = _next;
        window[j] = input;
        var back = _back + input;
        var backWeighted = _backWeighted + ((j + 1) * input);
        var weightedSum = _suffix[j + 1] + backWeighted + ((window.Length - 1 - j) * back);
        if (++j == window.Length)
        {
            Flip(window, _suffix);
            j = 0;
            back = 0;
            backWeighted = 0;
        }

        _next = j;
        _back = back;
        _backWeighted = backWeighted;
        if (n >= window.Length)
        {
            Value = weightedSum / _divisor;
        }
    }

    public override void Reset()
    {
        base.Reset();
        Array.Clear(_window);
        Array.Clear(_suffix);
        _next = 0;
        _back = 0;
        _backWeighted = 0;
    }

    /// <summary>
    /// Batch form over a span; identical to feeding <paramref name="input"/> to a streaming <see cref="Wma"/>
    /// (the same operations, with the state in locals and each block read straight from the input).
    /// </summary>
    public static void Batch(ReadOnlySpan<double> input, Span<double> output, int period)
    {
        CheckBatch("wma", input, output, period);
        var n = input.Length;
        output = output[..n];
        output[..Math.Min(period - 1, n)].Fill(double.NaN);
        if (n < period)
        {
            return;
        }

        var divisor = Divisor(period);
        var suffix = new double[period + 1];
        double back = 0, backWeighted = 0;
        for (var i = 0; i < period - 1; i++)
        {
            var x = input[i];
            back += x;
            backWeighted += (i + 1) * x;
        }

        var start = 0;
        var from = period - 1;
        while (true)
        {
            var block = input.Slice(start, Math.Min(period, n - start));
            var values = output.Slice(start, block.Length);
            var older = suffix.AsSpan(1, block.Length);
            for (var j = from; j < block.Length; j++)
            {
                var x = block[j];
                back += x;
                backWeighted += (j + 1) * x;
                values[j] = (older[j] + backWeighted + ((period - 1 - j) * back)) / divisor;
            }

            start += period;
            if (start >= n)
            {
                return;
            }

            Flip(block, suffix);
            back = 0;
            backWeighted = 0;
            from = 0;
        }
    }

    /// <summary>suffix[k] = Σ<sub>m ≥ k</sub> (m − k + 1)·block[m], from the newest value back (suffix[period] stays 0).</summary>
    private static void Flip(ReadOnlySpan<double> block, double[] suffix)
    {
        double sum = 0, weighted = 0;
        for (var k = block.Length - 1; k >= 0; k--)
        {
            sum += block[k];
            weighted += sum;
            suffix[k] = weighted;
        }
    }

    private static double Divisor(int period) => period * (period + 1.0) / 2.0;
}
