using System.Runtime.CompilerServices;
using Quorum.Indicators.Averages;

namespace Quorum.Indicators.Oscillators;

/// <summary>
/// Wilder's relative strength index: average gain G and average loss L of the last <c>period</c>
/// changes, each seeded with the simple mean of the first <c>period</c> changes and then smoothed
/// with Wilder's average (<see cref="Rma"/>); RSI = 100·G / (G + L) (= 100 − 100 / (1 + G/L)).
/// The first value is at sample <c>period + 1</c> (period changes need period + 1 inputs), as in
/// TA-Lib and LEAN. A window without any change (G = L = 0) gives the neutral 50 (TA-Lib gives 0,
/// LEAN 100: neither is neutral).
/// </summary>
public sealed class Rsi : KernelIndicator<RsiKernel>
{
    /// <summary>The value when the window holds neither gains nor losses.</summary>
    public const double Neutral = 50.0;

    public Rsi(int period, PriceSource source = PriceSource.Close)
        : base($"rsi_{IndicatorGuard.Period(period, "rsi")}", period + 1, period, source, new RsiKernel(period))
    {
    }

    /// <summary>Average gain (Wilder-smoothed); NaN during warm-up.</summary>
    public double AverageGain => Kernel.AverageGain;

    /// <summary>Average loss (Wilder-smoothed, positive); NaN during warm-up.</summary>
    public double AverageLoss => Kernel.AverageLoss;

    /// <summary>Batch form over a span; identical to feeding <paramref name="input"/> to a streaming <see cref="Rsi"/>.</summary>
    public static void Batch(ReadOnlySpan<double> input, Span<double> output, int period)
    {
        IndicatorGuard.Period(period, "rsi");
        IndicatorGuard.Lengths(input.Length, output.Length, "rsi");
        FiniteScan.Require(input, $"rsi_{period}");
        var n = input.Length;
        output = output[..n];
        var warm = Math.Min(period, n);
        var gainSum = 0.0;
        var lossSum = 0.0;
        for (var i = 0; i < warm; i++)
        {
            if (i > 0)
            {
                var change = input[i] - input[i - 1];
                var gain = Math.Max(change, 0.0);
                gainSum += gain;
                lossSum += gain - change;
            }

            output[i] = double.NaN;
        }

        if (n <= period)
        {
            return;
        }

        var gainFactor = ExponentialSmoothing.Gain(Rma.Alpha(period));
        var decay = ExponentialSmoothing.Decay(Rma.Alpha(period));
        var first = input[period] - input[period - 1];
        var firstGain = Math.Max(first, 0.0);
        var averageGain = (gainSum + firstGain) / period;
        var averageLoss = (lossSum + (firstGain - first)) / period;
        output[period] = Index(averageGain, averageLoss);
        var previous = input[period];
        for (var i = period + 1; i < n; i++)
        {
            var x = input[i];
            var change = x - previous;
            previous = x;
            var gain = Math.Max(change, 0.0);
            averageGain = ExponentialSmoothing.Step(averageGain, gain, gainFactor, decay);
            averageLoss = ExponentialSmoothing.Step(averageLoss, gain - change, gainFactor, decay);
            output[i] = Index(averageGain, averageLoss);
        }
    }

    /// <summary>100·G / (G + L); <see cref="Neutral"/> when both are zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Index(double gain, double loss)
    {
        var total = gain + loss;
        return total > 0 ? 100.0 * gain / total : Neutral;
    }
}
