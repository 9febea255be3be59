using Quorum.Indicators.Statistics;

namespace Quorum.Indicators.Averages;

/// <summary>
/// Simple moving average: the mean of the last <c>period</c> inputs, first value at sample
/// <c>period</c>. O(1) amortized per update and free of drift: the window sum is a
/// <see cref="WindowSum"/> (suffix sums of the older block recomputed every <c>period</c> updates plus
/// the values added since; nothing is ever subtracted), so once a huge input has left the window the
/// mean is that of the values still in it, with no residue. The first value is the plain left-to-right
/// sum divided by <c>period</c>, as in TA-Lib; later values differ from TA-Lib's running sum only by rounding.
/// </summary>
public sealed class Sma : KernelIndicator<SmaKernel>
{
    public Sma(int period, PriceSource source = PriceSource.Close)
        : base($"sma_{IndicatorGuard.Period(period, "sma")}", period, period, source, new SmaKernel(period))
    {
    }

    /// <summary>Batch form over a span; identical to feeding <paramref name="input"/> to a streaming <see cref="Sma"/>.</summary>
    public static void Batch(ReadOnlySpan<double> input, Span<double> output, int period)
    {
        CheckBatch("sma", input, output, period);
        var n = input.Length;
        output = output[..n];
        output[..Math.Min(period - 1, n)].Fill(double.NaN);
        WindowMeans(input, output, period);
    }

    /// <summary>
    /// output[i] = mean of input[i − period + 1 … i] for i ≥ period − 1 (earlier outputs are left as they are):
    /// <see cref="WindowSum"/>'s arithmetic operation for operation, so the values equal a streaming
    /// <see cref="WindowSum"/> fed <paramref name="input"/> bit for bit (shared with the indicators that smooth
    /// with an SMA). The state is in locals and each block is read straight from the input instead of a ring,
    /// which lets the JIT keep the running sum in a register. <paramref name="output"/> must not overlap
    /// <paramref name="input"/>.
    /// </summary>
    internal static void WindowMeans(ReadOnlySpan<double> input, Span<double> output, int period)
    {
        var n = input.Length;
        if (n < period)
        {
            return;
        }

        output = output[..n];
        double divisor = period;
        var suffix = new double[period + 1];
        var back = 0.0;
        for (var i = 0; i < period - 1; i++)
        {
            back += input[i];
        }

        // Block b holds input[b·period … (b + 1)·period); its first period − 1 values were summed above.
        var start = 0;
        var from = period - 1;
        while (true)
        {
            var block = input.Slice(start, Math.Min(period, n - start));
            var means = output.Slice(start, block.Length);
            var older = suffix.AsSpan(1, block.Length);
            for (var j = from; j < block.Length; j++)
            {
                back += block[j];
                means[j] = (older[j] + back) / divisor;
            }

            start += period;
            if (start >= n)
            {
                return;
            }

            // WindowSum.Flip on the block just completed.
            var sum = 0.0;
            for (var k = period - 1; k >= 0; k--)
            {
                sum += block[k];
                suffix[k] = sum;
            }

            back = 0;
            from = 0;
        }
    }
}
