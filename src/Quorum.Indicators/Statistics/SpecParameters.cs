using Quorum.Core.Time;

namespace Quorum.Indicators.Statistics;

/// <summary>Parameters of a specification that are not plain numbers: a price source (<c>volume</c>, <c>typical</c>…) or a timeframe (<c>1h</c>).</summary>
internal static class SpecParameters
{
    /// <summary>Price source parameter <paramref name="index"/> (case-insensitive name), or <paramref name="fallback"/> when absent.</summary>
    public static PriceSource Source(IndicatorSpec spec, int index, PriceSource fallback)
    {
        if (index >= spec.Parameters.Count)
        {
            return fallback;
        }

        var text = spec.Parameters[index];
        return !char.IsAsciiDigit(text[0]) && Enum.TryParse<PriceSource>(text, ignoreCase: true, out var source) && Enum.IsDefined(source)
            ? source
            : throw new FormatException(
                $"indicator '{spec}': source '{text}' is not a price source (one of {string.Join(", ", Enum.GetNames<PriceSource>().Select(n => n.ToLowerInvariant()))})");
    }

    /// <summary>Timeframe parameter <paramref name="index"/> (required).</summary>
    public static Timeframe Timeframe(IndicatorSpec spec, int index, string parameter)
    {
        if (index >= spec.Parameters.Count)
        {
            throw new FormatException($"indicator '{spec}': missing {parameter} (parameter {index + 1}, e.g. 1h)");
        }

        return Core.Time.Timeframe.TryParse(spec.Parameters[index], out var timeframe)
            ? timeframe
            : throw new FormatException(
                $"indicator '{spec}': {parameter} '{spec.Parameters[index]}' is not a timeframe (one of {string.Join(" ", Core.Time.Timeframe.All.Select(t => t.Name))})");
    }
}
