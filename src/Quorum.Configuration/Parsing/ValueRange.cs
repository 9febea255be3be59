using System.Globalization;

namespace Quorum.Configuration.Parsing;

/// <summary>An interval of allowed numbers, printed the way error messages show it: <c>0 &lt; x ≤ 10</c>.</summary>
internal readonly record struct ValueRange(decimal? Min, bool MinInclusive, decimal? Max, bool MaxInclusive)
{
    /// <summary><c>min &lt; x ≤ max</c>.</summary>
    public static ValueRange AboveUpTo(decimal min, decimal max) => new(min, false, max, true);

    /// <summary><c>min ≤ x ≤ max</c>.</summary>
    public static ValueRange Between(decimal min, decimal max) => new(min, true, max, true);

    /// <summary><c>min ≤ x &lt; max</c>.</summary>
    public static ValueRange FromBelow(decimal min, decimal max) => new(min, true, max, false);

    /// <summary><c>x ≥ min</c>.</summary>
    public static ValueRange AtLeast(decimal min) => new(min, true, null, false);

    /// <summary><c>x &gt; min</c>.</summary>
    public static ValueRange Above(decimal min) => new(min, false, null, false);

    public bool Contains(decimal value) =>
        (Min is not { } min || (MinInclusive ? value >= min : value > min)) &&
        (Max is not { } max || (MaxInclusive ? value <= max : value < max));

    public override string ToString()
    {
        var lower = Min is { } min ? $"{Format(min)} {(MinInclusive ? "≤" : "<")} " : string.Empty;
        var upper = Max is { } max ? $" {(MaxInclusive ? "≤" : "<")} {Format(max)}" : string.Empty;
        return (lower, upper) switch
        {
            ("", "") => "any number",
            ("", _) => "x" + upper,
            (_, "") => $"x {(MinInclusive ? "≥" : ">")} {Format(Min!.Value)}",
            _ => lower + "x" + upper,
        };
    }

    private static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
