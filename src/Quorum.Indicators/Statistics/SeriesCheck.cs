using System.Runtime.CompilerServices;
using Quorum.Indicators.Averages;

namespace Quorum.Indicators.Statistics;

/// <summary>
/// Up-front checks of batch inputs: every column finite (vectorized, so the loops that follow need no
/// per-element check and bad input is rejected before any output is written; the scan is
/// <see cref="FiniteScan.IndexOfNonFinite"/>, shared with the averages) and of equal length.
/// </summary>
internal static class SeriesCheck
{
    /// <summary>
    /// Throws, naming <paramref name="indicator"/>, the column and the 1-based sample, when
    /// <paramref name="values"/> holds NaN or ±∞ (the message reads like the streaming form's).
    /// </summary>
    public static void Finite(ReadOnlySpan<double> values, string indicator, string column = "input")
    {
        var bad = FiniteScan.IndexOfNonFinite(values);
        if (bad >= 0)
        {
            ThrowNotFinite(values[bad], indicator, column, bad + 1);
        }
    }

    /// <summary>Throws when a column of <paramref name="columnLength"/> values (named <paramref name="name"/>) is not as long as the first input column.</summary>
    public static void SameLength(int length, int columnLength, string indicator, string name)
    {
        if (columnLength != length)
        {
            throw new ArgumentException($"{indicator}: {name} has {columnLength} elements but the first input column has {length}", name);
        }
    }

    /// <summary>Rejects a non-positive input of an indicator that takes logarithms or divides by price.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Positive(double value, string indicator, long sample)
    {
        if (!(value > 0))
        {
            ThrowNotPositive(value, indicator, sample);
        }
    }

    /// <summary>Rejects the first non-positive value of <paramref name="values"/>, naming its 1-based sample.</summary>
    public static void Positive(ReadOnlySpan<double> values, string indicator)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!(values[i] > 0))
            {
                ThrowNotPositive(values[i], indicator, i + 1);
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNotFinite(double value, string indicator, string column, long sample) =>
        throw new ArgumentOutOfRangeException(column, value, $"{indicator}: {column} #{sample} is {value}; inputs must be finite numbers");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNotPositive(double value, string indicator, long sample) =>
        throw new ArgumentOutOfRangeException(nameof(value), value, $"{indicator}: input #{sample} is {value}; this indicator needs positive prices");
}
