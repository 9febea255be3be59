using System.Runtime.CompilerServices;

namespace Quorum.Indicators.Volatility;

/// <summary>
/// Wilder's smoothing step (value·(n − 1) + input) / n, written as one fused multiply-add
/// value·((n − 1)/n) + input·(1/n): the loop-carried dependency is a single FMA (4 cycles) instead of
/// a multiply, an add and a division, which is what lets batch ATR and ADX run at a few ns per bar.
/// It differs from the textbook form by at most a few ulps per step, and the error does not grow
/// (the recursion is contractive). Streaming and batch code call this same method, so they are
/// bit-identical.
/// </summary>
internal static class WilderSmoothing
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Step(double value, double input, double decay, double weight) =>
        Math.FusedMultiplyAdd(value, decay, input * weight);

    /// <summary>(n − 1) / n.</summary>
    public static double Decay(int period) => (period - 1.0) / period;

    /// <summary>1 / n.</summary>
    public static double Weight(int period) => 1.0 / period;
}
