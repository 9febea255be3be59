namespace Quorum.Data.Features;

/// <summary>
/// Seed 001 <c>build_features</c> output: columns aligned on the bar open time (<see cref="Time"/>);
/// NaN only during each column's warm-up (a prefix).
/// </summary>
public sealed class FeatureFrame
{
    private readonly Dictionary<string, double[]> _byName;

    public FeatureFrame(long[] time, IReadOnlyList<KeyValuePair<string, double[]>> columns)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(columns);
        Time = time;
        Names = [.. columns.Select(c => c.Key)];
        _byName = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var (name, values) in columns)
        {
            if (values.Length != time.Length)
            {
                throw new ArgumentException($"feature '{name}' has {values.Length} values for {time.Length} bars");
            }

            _byName.Add(name, values);
        }
    }

    /// <summary>Bar open times, UTC ms.</summary>
    public long[] Time { get; }

    /// <summary>Column names in output order.</summary>
    public IReadOnlyList<string> Names { get; }

    public int Length => Time.Length;

    public double[] this[string name] =>
        _byName.TryGetValue(name, out var values)
            ? values
            : throw new KeyNotFoundException($"no feature '{name}' (features: {string.Join(", ", Names)})");

    public bool Contains(string name) => _byName.ContainsKey(name);
}
