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
        if (entries is IReadOnlyList<KeyValuePair<string, object>> list)
        {
            // By index: the signal and plan factories pass lists, and a boxed enumerator per signal adds up.
            for (var i = 0; i < list.Count; i++)
            {
                Add(builder, list[i], parameterName);
            }
        }
        else
        {
            foreach (var entry in entries)
            {
                Add(builder, entry, parameterName);
            }
        }

        return Check(builder.ToImmutable(), parameterName);
    }

    private static void Add(ImmutableSortedDictionary<string, object>.Builder builder, KeyValuePair<string, object> entry, string parameterName)
    {
        if (!builder.TryAdd(entry.Key, entry.Value))
        {
            throw new ArgumentException($"metadata key '{entry.Key}' appears twice", parameterName);
        }
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
