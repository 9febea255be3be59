namespace Quorum.Core.Instruments;

/// <summary>Exact decimal helpers for tick/step grids.</summary>
internal static class DecimalMath
{
    /// <summary>Number of significant decimal places: 0.010 → 2, 1 → 0, 0.00001 → 5.</summary>
    public static int DecimalPlaces(decimal value)
    {
        var normalized = value / 1.000000000000000000000000000000000m; // strips trailing zeros
        return (decimal.GetBits(normalized)[3] >> 16) & 0xFF;
    }

    public static bool IsMultipleOf(decimal value, decimal increment) => value % increment == 0m;

    /// <summary>Rounds <paramref name="value"/> to a multiple of <paramref name="increment"/> (positive) using exact decimal arithmetic.</summary>
    public static decimal RoundToMultiple(decimal value, decimal increment, RoundingMode mode, int places)
    {
        var remainder = value % increment; // same sign as value, |remainder| < increment
        if (remainder < 0m)
        {
            remainder += increment;
        }

        var down = value - remainder;
        var result = mode switch
        {
            RoundingMode.Down => down,
            RoundingMode.Up => remainder == 0m ? down : down + increment,
            RoundingMode.Nearest => remainder * 2m >= increment ? down + increment : down,
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown rounding mode (allowed: Nearest, Down, Up)"),
        };

        // Same value, scale trimmed to the grid's precision so it prints as the venue writes it.
        return decimal.Round(result, places);
    }
}
