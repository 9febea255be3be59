using System.Collections;
using Quorum.Core.Trading;

namespace Quorum.Strategies.Cluster;

/// <summary>
/// The member signals of a cluster (metadata <c>source_signals</c> of an aggregated signal), one per strategy, ordered by
/// strategy name; equal when the signals are equal one by one (so aggregated signals compare by value).
/// </summary>
public sealed class ClusterSources : IReadOnlyList<Signal>, IEquatable<ClusterSources>
{
    private readonly Signal[] _signals;

    internal ClusterSources(Signal[] signals)
    {
        _signals = signals;
    }

    public int Count => _signals.Length;

    public Signal this[int index] => _signals[index];

    public IEnumerator<Signal> GetEnumerator() => ((IEnumerable<Signal>)_signals).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(ClusterSources? other) => other is not null && _signals.AsSpan().SequenceEqual(other._signals);

    public override bool Equals(object? obj) => obj is ClusterSources other && Equals(other);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var signal in _signals)
        {
            hash.Add(signal);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => string.Join("; ", _signals.Select(s => $"{s.Strategy} at {s.CreatedAtMs} conf={s.Confidence:0.###}"));
}
