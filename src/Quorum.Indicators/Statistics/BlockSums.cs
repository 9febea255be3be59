using System.Runtime.CompilerServices;

namespace Quorum.Indicators.Statistics;

/// <summary>
/// The block recomputation shared by the drift-free window aggregates (<see cref="WindowMoments"/>,
/// <see cref="WindowRegression"/>), done every <c>period</c> updates: the completed block's mean becomes the new shift,
/// and from the newest slot back the suffix sums of the deviations d = x − shift and of a second term of them
/// (an <see cref="IBlockTerm"/>: d² for the moments, slot·d for the regression) are rebuilt. Inlined, so a kernel
/// holding the aggregate in a local keeps it in registers.
/// </summary>
internal static class BlockSums
{
    /// <summary>
    /// Rebuilds <paramref name="suffixDeviation"/> and <paramref name="suffixTerm"/> (slots 0 … block length − 1) from
    /// <paramref name="block"/>; returns the new shift (the block's mean), with the whole block's sums.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Rebuild<TTerm>(
        ReadOnlySpan<double> block, Span<double> suffixDeviation, Span<double> suffixTerm, out double deviationSum, out double termSum)
        where TTerm : struct, IBlockTerm
    {
        var total = 0.0;
        foreach (var x in block)
        {
            total += x;
        }

        var shift = total / block.Length;
        double s1 = 0, s2 = 0;
        for (var k = block.Length - 1; k >= 0; k--)
        {
            var d = block[k] - shift;
            s1 += d;
            s2 += TTerm.Of(k, d);
            suffixDeviation[k] = s1;
            suffixTerm[k] = s2;
        }

        deviationSum = s1;
        termSum = s2;
        return shift;
    }
}
