using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Quorum.Indicators;

/// <summary>Argument and input checks shared by all indicators; messages name the indicator, the value and what is allowed.</summary>
public static class IndicatorGuard
{
    /// <summary>Rejects a period below <paramref name="minimum"/> (1 unless an indicator needs more).</summary>
    public static int Period(int period, string indicator, string parameter = "period", int minimum = 1)
    {
        if (period < minimum)
        {
            throw new ArgumentOutOfRangeException(parameter, period, $"{indicator}: {parameter} {period} is out of range ({parameter} ≥ {minimum})");
        }

        return period;
    }

    /// <summary>Rejects a parameter that is not finite and positive.</summary>
    public static double Positive(double value, string indicator, string parameter)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(parameter, value, $"{indicator}: {parameter} {value} is out of range (a finite number > 0)");
        }

        return value;
    }

    /// <summary>Rejects a NaN or infinite input (hot path: the check is one compare; the throw is out of line).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Finite(double value, string indicator, long sample)
    {
        if (!double.IsFinite(value))
        {
            ThrowNotFinite(value, indicator, sample);
        }
    }

    /// <summary>Rejects a bar with a NaN or infinite field.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Finite(in OhlcvPoint bar, string indicator, long sample)
    {
        if (!double.IsFinite(bar.Open + bar.High + bar.Low + bar.Close + bar.Volume))
        {
            ThrowNotFinite(bar, indicator, sample);
        }
    }

    /// <summary>Rejects output spans shorter than the input.</summary>
    public static void Lengths(int inputLength, int outputLength, string indicator, string output = "output")
    {
        if (outputLength < inputLength)
        {
            throw new ArgumentException($"{indicator}: {output} span has {outputLength} elements but the input has {inputLength}", output);
        }
    }

    // Not NoInlining: the JIT sees that a method which only throws never returns and keeps the call out of line
    // as a no-return block, so registers live in a caller's loop need not be saved around it (SysV has no
    // callee-saved vector registers). With NoInlining the call looks like it returns, and a streaming kernel's
    // running value would be spilled to the stack on every update.
    [DoesNotReturn]
    private static void ThrowNotFinite(double value, string indicator, long sample) =>
        throw new ArgumentOutOfRangeException(nameof(value), value, $"{indicator}: input #{sample} is {value}; inputs must be finite numbers");

    [DoesNotReturn]
    private static void ThrowNotFinite(in OhlcvPoint bar, string indicator, long sample) =>
        throw new ArgumentOutOfRangeException(
            nameof(bar), bar, $"{indicator}: bar #{sample} at {bar.TimeMs} has a non-finite field ({bar}); inputs must be finite numbers");
}
