using System.Numerics;
using System.Runtime.InteropServices;

namespace Quorum.Indicators.Averages;

/// <summary>
/// Finds the first NaN or infinite value of a span, vectorized, so that batch loops validate their
/// input once up front and then run without a per-element check (and reject bad input before
/// writing any output).
/// </summary>
internal static class FiniteScan
{
    private const long ExponentMask = 0x7FF0_0000_0000_0000;

    /// <summary>Index of the first non-finite value, or −1 when every value is finite.</summary>
    public static int IndexOfNonFinite(ReadOnlySpan<double> values)
    {
        // A double is NaN or ±∞ exactly when all its exponent bits are set.
        var bits = MemoryMarshal.Cast<double, long>(values);
        var i = 0;
        if (Vector.IsHardwareAccelerated && bits.Length >= Vector<long>.Count)
        {
            var mask = new Vector<long>(ExponentMask);
            for (; i <= bits.Length - Vector<long>.Count; i += Vector<long>.Count)
            {
                if (Vector.EqualsAny(new Vector<long>(bits[i..]) & mask, mask))
                {
                    break;
                }
            }
        }

        for (; i < bits.Length; i++)
        {
            if ((bits[i] & ExponentMask) == ExponentMask)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Throws, naming <paramref name="indicator"/> and the 1-based sample, when <paramref name="values"/> holds a non-finite value.</summary>
    public static void Require(ReadOnlySpan<double> values, string indicator)
    {
        var bad = IndexOfNonFinite(values);
        if (bad >= 0)
        {
            IndicatorGuard.Finite(values[bad], indicator, bad + 1);
        }
    }
}
