using System.Runtime.CompilerServices;

namespace Quorum.Indicators.Statistics;

/// <summary>The sum of a window (<see cref="SlidingWindow{TFold}"/>): a window of zeros sums to exactly 0 even after large values left it.</summary>
internal readonly struct SumFold : IWindowFold
{
    public static double Identity => 0.0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Combine(double accumulated, double value) => accumulated + value;
}
