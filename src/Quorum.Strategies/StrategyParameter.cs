using System.Globalization;

namespace Quorum.Strategies;

/// <summary>
/// A tunable number of a strategy: its name (as written in <c>--param name=value</c>), what it
/// means, its default and the closed range [<see cref="Minimum"/>, <see cref="Maximum"/>] it may take.
/// Integer parameters accept whole numbers only.
/// </summary>
public sealed record StrategyParameter
{
    public StrategyParameter(string name, string description, double defaultValue, double minimum, double maximum, bool isInteger = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        if (!double.IsFinite(minimum) || !double.IsFinite(maximum) || minimum > maximum)
        {
            throw new ArgumentOutOfRangeException(nameof(maximum), $"parameter {name}: range [{minimum}, {maximum}] is not a finite, ordered range");
        }

        Name = name;
        Description = description;
        Minimum = minimum;
        Maximum = maximum;
        IsInteger = isInteger;
        Default = defaultValue;
        if (Validate(defaultValue) is { } error)
        {
            throw new ArgumentOutOfRangeException(nameof(defaultValue), $"parameter {name}: default {error}");
        }
    }

    public string Name { get; }

    public string Description { get; }

    public double Default { get; }

    public double Minimum { get; }

    public double Maximum { get; }

    public bool IsInteger { get; }

    /// <summary>The range as shown in errors and help, e.g. <c>integer 1 ≤ x ≤ 500</c>.</summary>
    public string RangeText =>
        $"{(IsInteger ? "integer " : string.Empty)}{Format(Minimum)} ≤ x ≤ {Format(Maximum)}";

    /// <summary>Null when <paramref name="value"/> is allowed, else what is wrong with it.</summary>
    public string? Validate(double value)
    {
        if (!double.IsFinite(value) || value < Minimum || value > Maximum)
        {
            return $"{Format(value)} is out of range ({RangeText})";
        }

        return IsInteger && Math.Floor(value) != value ? $"{Format(value)} is not a whole number ({RangeText})" : null;
    }

    public override string ToString() => $"{Name}={Format(Default)} ({RangeText}): {Description}";

    /// <summary>A parameter value as written on the command line (round-trip, invariant culture).</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
