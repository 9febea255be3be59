using System.Runtime.CompilerServices;

namespace Quorum.Indicators.Averages;

/// <summary>
/// The arithmetic shared by <see cref="Ema"/>, <see cref="Rma"/> and the indicators built on them
/// (RSI, MACD); streaming and batch code call these same methods, so their values are bit-identical.
/// <list type="bullet">
/// <item>Step: <c>value·β + α·input</c> as one fused multiply-add, β = 1 − α rounded and α taken
/// back as 1 − β so that α + β = 1 exactly (Sterbenz's lemma, for α ≤ 1/2). The loop-carried
/// dependency is a single FMA (TA-Lib's <c>value + α·(input − value)</c> is three dependent
/// operations), and when α ≤ 1/2 or α = 1 (every EMA but period 2, every RMA) a value equal to a
/// constant input stays exactly equal: the rounding of α·input is below half an ulp of the input.</item>
/// <item>Seed: the mean of the first inputs taken relative to the first one,
/// <c>x₀ + Σ(xᵢ − x₀)/n</c>, which is exact for a constant series (a plain sum can miss by an ulp
/// and the average would then stay an ulp off forever).</item>
/// </list>
/// </summary>
internal static class ExponentialSmoothing
{
    /// <summary>β = 1 − α, rounded to a double.</summary>
    public static double Decay(double alpha) => 1.0 - alpha;

    /// <summary>The α actually used: 1 − β, so that α + β = 1 exactly.</summary>
    public static double Gain(double alpha) => 1.0 - Decay(alpha);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Step(double value, double input, double gain, double decay) => Math.FusedMultiplyAdd(value, decay, gain * input);

    /// <summary>
    /// Sample <paramref name="sample"/> (1-based) of an average seeded with the mean of its first
    /// <paramref name="period"/> inputs: accumulates the seed, returns the seed at sample period, steps after.
    /// <paramref name="origin"/> and <paramref name="offsetSum"/> are the caller's seed state (start at 0).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Update(long sample, int period, ref double origin, ref double offsetSum, double value, double input, double gain, double decay)
    {
        if (sample > period)
        {
            return Step(value, input, gain, decay);
        }

        if (sample == 1)
        {
            origin = input;
        }

        var sum = offsetSum + (input - origin);
        offsetSum = sum;
        return sample == period ? origin + (sum / period) : value;
    }

    /// <summary>
    /// Batch form of the seeded average over already validated input: NaN before index period − 1.
    /// </summary>
    public static void Batch(ReadOnlySpan<double> input, Span<double> output, int period, double alpha)
    {
        var n = input.Length;
        output = output[..n];
        var warm = Math.Min(period, n);
        double origin = 0, offsetSum = 0, value = 0;
        var gain = Gain(alpha);
        var decay = Decay(alpha);
        for (var i = 0; i < warm; i++)
        {
            value = Update(i + 1, period, ref origin, ref offsetSum, value, input[i], gain, decay);
            output[i] = double.NaN;
        }

        if (n < period)
        {
            return;
        }

        output[period - 1] = value;
        for (var i = period; i < input.Length; i++)
        {
            value = Step(value, input[i], gain, decay);
            output[i] = value;
        }
    }
}
