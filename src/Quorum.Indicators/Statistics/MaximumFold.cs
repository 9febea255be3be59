using System.Runtime.CompilerServices;

namespace Quorum.Indicators.Statistics;

/// <summary>
/// The maximum of a window (<see cref="SlidingWindow{TFold}"/>), exact. A minimum is the negated maximum of the
/// negated values (negation is exact).
/// </summary>
internal readonly struct MaximumFold : IWindowFold
{
    public static double Identity => double.NegativeInfinity;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Combine(double accumulated, double value) => Math.Max(accumulated, value);
}
