namespace Quorum.Data.Synthetic;

/// <summary>
/// <c>exp</c> and <c>log</c> written with IEEE-754 basic operations only (+, −, ×, ÷ and
/// bit manipulation), so that the synthetic market is bit-identical on every OS and CPU.
/// <see cref="Math.Exp"/> and <see cref="Math.Log(double)"/> call the platform C library, whose
/// last-bit results differ between glibc, the Windows CRT and macOS; <see cref="Math.Sqrt"/>
/// and <see cref="Math.Round(double)"/> are exactly specified and are used freely.
/// Accuracy is within a couple of units in the last place, which is plenty for simulation.
/// </summary>
internal static class DeterministicMath
{
    public const double Ln2 = 0.6931471805599453;

    // ln 2 split so that k * Ln2High is exact for |k| < 2^20 (fdlibm constants).
    private const double Ln2High = 6.93147180369123816490e-01;
    private const double Ln2Low = 1.90821492927058770002e-10;
    private const double InverseLn2 = 1.44269504088896338700e+00;
    private const double Sqrt2 = 1.4142135623730951;
    private const double TwoPow54 = 18014398509481984.0;
    private const long MantissaMask = 0x000F_FFFF_FFFF_FFFF;
    private const long ExponentOfOne = 0x3FF0_0000_0000_0000;

    /// <summary>e^x; +∞ above ~709.78, 0 below ~−745.</summary>
    public static double Exp(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        if (x > 709.782712893384)
        {
            return double.PositiveInfinity;
        }

        if (x < -745.2)
        {
            return 0.0;
        }

        // x = k ln2 + r with |r| ≤ ln2 / 2; e^r by its Taylor series to degree 13 (error < 1e-17).
        var k = Math.Round(x * InverseLn2);
        var r = x - (k * Ln2High) - (k * Ln2Low);
        var p = 1.0 / 6227020800.0;
        p = (p * r) + (1.0 / 479001600.0);
        p = (p * r) + (1.0 / 39916800.0);
        p = (p * r) + (1.0 / 3628800.0);
        p = (p * r) + (1.0 / 362880.0);
        p = (p * r) + (1.0 / 40320.0);
        p = (p * r) + (1.0 / 5040.0);
        p = (p * r) + (1.0 / 720.0);
        p = (p * r) + (1.0 / 120.0);
        p = (p * r) + (1.0 / 24.0);
        p = (p * r) + (1.0 / 6.0);
        p = (p * r) + 0.5;
        p = (p * r) + 1.0;
        p = (p * r) + 1.0;
        return ScaleByPowerOfTwo(p, (int)k);
    }

    /// <summary>Natural logarithm; −∞ for 0, NaN for negative or NaN input.</summary>
    public static double Log(double x)
    {
        if (double.IsNaN(x) || x < 0)
        {
            return double.NaN;
        }

        if (x == 0)
        {
            return double.NegativeInfinity;
        }

        if (double.IsPositiveInfinity(x))
        {
            return x;
        }

        var bits = BitConverter.DoubleToInt64Bits(x);
        var exponent = (int)((bits >> 52) & 0x7FF);
        if (exponent == 0)
        {
            // Subnormal: scale into the normal range first.
            bits = BitConverter.DoubleToInt64Bits(x * TwoPow54);
            exponent = (int)((bits >> 52) & 0x7FF) - 54;
        }

        var e = exponent - 1023;
        var m = BitConverter.Int64BitsToDouble((bits & MantissaMask) | ExponentOfOne); // [1, 2)
        if (m > Sqrt2)
        {
            m *= 0.5;
            e++;
        }

        // ln m = 2 atanh f with f = (m − 1)/(m + 1), |f| ≤ 0.1716: series to f^25 (error < 1e-18).
        var f = (m - 1.0) / (m + 1.0);
        var s = f * f;
        var p = 1.0 / 25.0;
        p = (p * s) + (1.0 / 23.0);
        p = (p * s) + (1.0 / 21.0);
        p = (p * s) + (1.0 / 19.0);
        p = (p * s) + (1.0 / 17.0);
        p = (p * s) + (1.0 / 15.0);
        p = (p * s) + (1.0 / 13.0);
        p = (p * s) + (1.0 / 11.0);
        p = (p * s) + (1.0 / 9.0);
        p = (p * s) + (1.0 / 7.0);
        p = (p * s) + (1.0 / 5.0);
        p = (p * s) + (1.0 / 3.0);
        var logM = 2.0 * f * ((p * s) + 1.0);
        return (e * Ln2High) + (logM + (e * Ln2Low));
    }

    /// <summary>x^y for x &gt; 0 as e^(y ln x).</summary>
    public static double Pow(double x, double y) => Exp(y * Log(x));

    private static double ScaleByPowerOfTwo(double value, int power)
    {
        if (power > 1023)
        {
            return value * PowerOfTwo(1023) * PowerOfTwo(power - 1023);
        }

        if (power < -1022)
        {
            return value * PowerOfTwo(-1022) * PowerOfTwo(Math.Max(power + 1022, -1022));
        }

        return value * PowerOfTwo(power);
    }

    private static double PowerOfTwo(int power) => BitConverter.Int64BitsToDouble((long)(power + 1023) << 52);
}
