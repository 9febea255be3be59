namespace Quorum.Indicators.PriceAction;

/// <summary>Parameter checks for detector options; messages name the detector, the parameter, the value and the allowed range.</summary>
internal static class OptionGuard
{
    /// <summary>Rejects a real parameter that is not finite or lies outside the interval.</summary>
    public static double Range(double value, string detector, string parameter, double minimum, bool minimumInclusive, double maximum, bool maximumInclusive)
    {
        var above = minimumInclusive ? value >= minimum : value > minimum;
        var below = maximumInclusive ? value <= maximum : value < maximum;
        if (!double.IsFinite(value) || !above || !below)
        {
            var lower = minimumInclusive ? "≤" : "<";
            var upper = maximumInclusive ? "≤" : "<";
            var interval = double.IsPositiveInfinity(maximum)
                ? $"{minimum} {lower} {parameter}, finite"
                : $"{minimum} {lower} {parameter} {upper} {maximum}";
            throw new ArgumentOutOfRangeException(parameter, value, $"{detector}: {parameter} {value} is out of range ({interval})");
        }

        return value;
    }

    /// <summary>Rejects an optional real parameter that is given but not finite.</summary>
    public static double? FiniteOrNull(double? value, string detector, string parameter)
    {
        if (value is { } v && !double.IsFinite(v))
        {
            throw new ArgumentOutOfRangeException(parameter, v, $"{detector}: {parameter} {v} is out of range (a finite number, or null for no filter)");
        }

        return value;
    }
}
