using System.Globalization;

namespace Quorum.Indicators;

/// <summary>
/// A parsed indicator specification <c>name[:p1[:p2…]]</c>, e.g. <c>ema:14</c>, <c>bb:20:2</c>, <c>obv</c>,
/// as used by <c>quorum indicators --indicators</c>.
/// </summary>
public sealed record IndicatorSpec(string Name, IReadOnlyList<string> Parameters)
{
    public static IndicatorSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().Split(':');
        if (parts[0].Length == 0 || parts.Any(p => p.Length == 0))
        {
            throw new FormatException($"indicator '{text}' is not in the form name[:parameter…] (e.g. ema:14, bb:20:2, obv)");
        }

        return new IndicatorSpec(parts[0].ToLowerInvariant(), parts[1..]);
    }

    /// <summary>Integer parameter <paramref name="index"/>, or <paramref name="fallback"/> when absent (null fallback = required).</summary>
    public int Int(int index, string parameter, int? fallback = null)
    {
        if (index >= Parameters.Count)
        {
            return fallback ?? throw new FormatException($"indicator '{this}': missing {parameter} (parameter {index + 1})");
        }

        return int.TryParse(Parameters[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"indicator '{this}': {parameter} '{Parameters[index]}' is not a whole number");
    }

    /// <summary>Real parameter <paramref name="index"/>, or <paramref name="fallback"/> when absent (null fallback = required).</summary>
    public double Real(int index, string parameter, double? fallback = null)
    {
        if (index >= Parameters.Count)
        {
            return fallback ?? throw new FormatException($"indicator '{this}': missing {parameter} (parameter {index + 1})");
        }

        return double.TryParse(Parameters[index], NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"indicator '{this}': {parameter} '{Parameters[index]}' is not a number");
    }

    /// <summary>Fails when more parameters were given than the indicator takes.</summary>
    public IndicatorSpec AtMost(int count) =>
        Parameters.Count <= count
            ? this
            : throw new FormatException($"indicator '{this}': takes at most {count} parameter(s), got {Parameters.Count}");

    public override string ToString() => Parameters.Count == 0 ? Name : $"{Name}:{string.Join(':', Parameters)}";
}
