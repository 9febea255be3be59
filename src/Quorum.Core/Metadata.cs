using System.Collections.Immutable;

namespace Quorum.Core;

/// <summary>
/// Free-form key/value annotations carried by signals and plans (seed <c>metadata</c>/<c>meta</c>).
/// Stored in an ordinal-sorted immutable dictionary so that enumeration (logs, persistence,
/// hashes of golden runs) is deterministic.
/// </summary>
internal static class Metadata
{
    public static readonly ImmutableSortedDictionary<string, object> Empty =
        ImmutableSortedDictionary.Create<string, object>(StringComparer.Ordinal);

    public static ImmutableSortedDictionary<string, object> From(IEnumerable<KeyValuePair<string, object>>? entries, string parameterName)
    {
        if (entries is null)
        {
            return Empty;
        }

        if (entries is ImmutableSortedDictionary<string, object> sorted && sorted.KeyComparer == StringComparer.Ordinal)
        {
            return Check(sorted, parameterName);
        }

        var builder = Empty.ToBuilder();
        foreach (var (key, value) in entries)
        {
            if (!builder.TryAdd(key, value))
            {
                throw new ArgumentException($"metadata key '{key}' appears twice", parameterName);
            }
        }

        return Check(builder.ToImmutable(), parameterName);
    }

    /// <summary>Same keys and, per key, <see cref="object.Equals(object?, object?)"/> values.</summary>
    public static bool AreEqual(ImmutableSortedDictionary<string, object> left, ImmutableSortedDictionary<string, object> right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left.Count != right.Count)
        {
            return false;
        }

        foreach (var (key, value) in left)
        {
            if (!right.TryGetValue(key, out var other) || !Equals(value, other))
            {
                return false;
            }
        }

        return true;
    }

    public static int GetHashCode(ImmutableSortedDictionary<string, object> metadata)
    {
        var hash = default(HashCode);
        foreach (var (key, value) in metadata)
        {
            hash.Add(key, StringComparer.Ordinal);
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    private static ImmutableSortedDictionary<string, object> Check(ImmutableSortedDictionary<string, object> metadata, string parameterName)
    {
        foreach (var (key, value) in metadata)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                throw new ArgumentException("metadata keys must be non-empty", parameterName);
            }

            if (value is null)
            {
                throw new ArgumentException($"metadata value for key '{key}' is null (omit the key instead)", parameterName);
            }
        }

        return metadata;
    }
}
