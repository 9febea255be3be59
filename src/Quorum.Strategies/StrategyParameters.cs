using System.Globalization;

namespace Quorum.Strategies;

/// <summary>
/// The resolved parameter values of one strategy instance: every declared parameter, the given value
/// or its default, in declaration order.
/// </summary>
public sealed class StrategyParameters
{
    private readonly IReadOnlyList<StrategyParameter> _declared;
    private readonly double[] _values;

    private StrategyParameters(IReadOnlyList<StrategyParameter> declared, double[] values)
    {
        _declared = declared;
        _values = values;
    }

    /// <summary>Name/value pairs in declaration order.</summary>
    public IEnumerable<KeyValuePair<string, double>> Values => _declared.Select((p, i) => KeyValuePair.Create(p.Name, _values[i]));

    public int Count => _values.Length;

    /// <summary>
    /// Resolves <paramref name="given"/> (name → text) against <paramref name="declared"/>: unknown names,
    /// text that is not a number and values out of range throw <see cref="ArgumentException"/> naming the
    /// strategy, the parameter, the value and what is allowed.
    /// </summary>
    public static StrategyParameters Resolve(string strategy, IReadOnlyList<StrategyParameter> declared, IEnumerable<KeyValuePair<string, string>>? given)
    {
        ArgumentNullException.ThrowIfNull(declared);
        var values = declared.Select(p => p.Default).ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, text) in given ?? [])
        {
            var index = IndexOf(declared, name);
            if (index < 0)
            {
                throw new ArgumentException(
                    $"strategy {strategy} has no parameter '{name}' (allowed: {Allowed(declared)})");
            }

            if (!seen.Add(name))
            {
                throw new ArgumentException($"strategy {strategy}: parameter '{name}' is given twice");
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new ArgumentException(
                    $"strategy {strategy}: {name}='{text}' is not a number ({declared[index].RangeText})");
            }

            if (declared[index].Validate(value) is { } error)
            {
                throw new ArgumentException($"strategy {strategy}: {name} = {error}");
            }

            values[index] = value;
        }

        return new StrategyParameters(declared, values);
    }

    /// <summary>Parses <c>key=value</c> assignments (as given to <c>--param</c>) into pairs, keeping their order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ParseAssignments(IEnumerable<string>? assignments)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var assignment in assignments ?? [])
        {
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == assignment.Length - 1)
            {
                throw new ArgumentException($"--param '{assignment}' is not of the form key=value (e.g. --param fast=12)");
            }

            result.Add(KeyValuePair.Create(assignment[..equals].Trim(), assignment[(equals + 1)..].Trim()));
        }

        return result;
    }

    public double Get(string name)
    {
        var index = IndexOf(_declared, name);
        return index >= 0
            ? _values[index]
            : throw new ArgumentException($"no parameter '{name}' (declared: {Allowed(_declared)})", nameof(name));
    }

    public int GetInt32(string name) => checked((int)Get(name));

    public override string ToString() => string.Join(' ', Values.Select(v => $"{v.Key}={StrategyParameter.Format(v.Value)}"));

    private static int IndexOf(IReadOnlyList<StrategyParameter> declared, string name)
    {
        for (var i = 0; i < declared.Count; i++)
        {
            if (string.Equals(declared[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Allowed(IReadOnlyList<StrategyParameter> declared) =>
        declared.Count == 0 ? "none" : string.Join(", ", declared.Select(p => $"{p.Name} ({p.RangeText}, default {StrategyParameter.Format(p.Default)})"));
}
