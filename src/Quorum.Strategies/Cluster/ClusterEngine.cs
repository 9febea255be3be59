using System.Globalization;
using Quorum.Core.Instruments;
using Quorum.Core.Trading;

namespace Quorum.Strategies.Cluster;

/// <summary>
/// Seed 000's cluster engine (<c>modules/cluster_engine.py</c>): groups entry signals by (symbol, side) and, when at
/// least <see cref="MinStrategies"/> distinct strategies agree within <see cref="WindowMs"/>, emits one aggregated
/// signal with their mean confidence and the metadata <c>cluster_size</c>, <c>strategies</c> and <c>source_signals</c>.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Time is engine time: each signal's <see cref="Signal.CreatedAtMs"/>; signals must come in non-decreasing time
/// (a signal older than the last one throws).</item>
/// <item>A member is in the window of a signal at time t while t − its time ≤ <see cref="WindowMs"/>; older members expire.</item>
/// <item>A strategy counts once per group: its newer signal replaces its older one (refreshing its confidence and time).</item>
/// <item>No re-emission: after a group has emitted, it emits again only once expiry has taken it below
/// <see cref="MinStrategies"/> members and new signals have brought it back to the threshold (the cluster re-formed).
/// Members joining an emitted cluster, or refreshing it, emit nothing.</item>
/// <item>The aggregated signal: strategy <see cref="Name"/>, the group's symbol and side, created at the completing
/// signal's time with its entry price and timeframe, confidence = mean of the members' confidences, exits = those of the
/// most confident member (on a tie the latest, then the first by name), metadata <c>cluster_size</c> (int),
/// <c>strategies</c> (the member strategies' names, ordinal order, comma-separated) and <c>source_signals</c>
/// (<see cref="ClusterSources"/>, same order).</item>
/// <item>Exit signals (<see cref="StrategySignals.IntentKey"/> = exit) are not votes: they are ignored.</item>
/// </list>
/// Adding a signal that completes no cluster allocates nothing once its group exists.
/// </remarks>
public sealed class ClusterEngine
{
    public const string DefaultName = "cluster";

    private readonly Dictionary<(Symbol Symbol, PositionSide Side), Group> _groups = [];
    private long _lastTimeMs = long.MinValue;

    /// <param name="windowMs">How far apart (ms, ≥ 0) signals of one cluster may be.</param>
    /// <param name="minStrategies">Distinct strategies that must agree (≥ 1).</param>
    /// <param name="name">Strategy name of the aggregated signals.</param>
    public ClusterEngine(long windowMs, int minStrategies, string name = DefaultName)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(windowMs);
        ArgumentOutOfRangeException.ThrowIfLessThan(minStrategies, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        WindowMs = windowMs;
        MinStrategies = minStrategies;
        Name = name;
    }

    public long WindowMs { get; }

    public int MinStrategies { get; }

    public string Name { get; }

    /// <summary>Adds a strategy's signal; the aggregated signal when it completes a cluster, else null.</summary>
    public Signal? Add(Signal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (signal.CreatedAtMs < _lastTimeMs)
        {
            throw new ArgumentOutOfRangeException(
                nameof(signal),
                signal.CreatedAtMs,
                $"cluster {Name}: signal of {signal.Strategy} at {signal.CreatedAtMs} is older than the last one at {_lastTimeMs}; signals must come in time order");
        }

        _lastTimeMs = signal.CreatedAtMs;
        if (StrategySignals.IntentOf(signal) == SignalIntent.Exit)
        {
            return null;
        }

        var key = (signal.Symbol, signal.Side);
        if (!_groups.TryGetValue(key, out var group))
        {
            group = new Group();
            _groups.Add(key, group);
        }

        group.Expire(signal.CreatedAtMs - WindowMs, MinStrategies);
        group.Upsert(signal);
        if (group.Emitted || group.Members.Count < MinStrategies)
        {
            return null;
        }

        group.Emitted = true;
        return Aggregate(group.Members, signal);
    }

    /// <summary>The strategies currently in the (symbol, side) group as of time <paramref name="nowMs"/>, ordinal order (for health views and tests).</summary>
    public IReadOnlyList<string> MembersAt(Symbol symbol, PositionSide side, long nowMs)
    {
        if (!_groups.TryGetValue((symbol, side), out var group))
        {
            return [];
        }

        return [.. group.Members.Where(s => s.CreatedAtMs >= nowMs - WindowMs).Select(s => s.Strategy).Order(StringComparer.Ordinal)];
    }

    /// <summary>Forgets every signal.</summary>
    public void Reset()
    {
        _groups.Clear();
        _lastTimeMs = long.MinValue;
    }

    private Signal Aggregate(List<Signal> members, Signal completing)
    {
        var sorted = members.ToArray();
        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Strategy, b.Strategy));
        var sum = 0.0;
        Signal best = sorted[0];
        foreach (var member in sorted)
        {
            sum += member.Confidence;
            if (member.Confidence > best.Confidence || (member.Confidence == best.Confidence && member.CreatedAtMs > best.CreatedAtMs))
            {
                best = member;
            }
        }

        var names = string.Join(',', sorted.Select(s => s.Strategy));
        return new Signal(
            completing.Symbol,
            completing.Side,
            Name,
            Math.Clamp(sum / sorted.Length, 0.0, 1.0),
            completing.CreatedAtMs,
            entry: completing.Entry,
            timeframe: completing.Timeframe,
            reason: string.Create(CultureInfo.InvariantCulture, $"cluster of {sorted.Length} ({names}) agree on {completing.Side.ToSeedText()} {completing.Symbol}"),
            metadata:
            [
                KeyValuePair.Create<string, object>(StrategySignals.IntentKey, "entry"),
                KeyValuePair.Create<string, object>("cluster_size", sorted.Length),
                KeyValuePair.Create<string, object>("strategies", names),
                KeyValuePair.Create<string, object>("source_signals", new ClusterSources(sorted)),
            ],
            exits: best.Exits);
    }

    private sealed class Group
    {
        public List<Signal> Members { get; } = new(8);

        public bool Emitted { get; set; }

        /// <summary>Drops members older than <paramref name="oldestMs"/>; below the threshold the cluster may form again.</summary>
        public void Expire(long oldestMs, int minStrategies)
        {
            for (var i = Members.Count - 1; i >= 0; i--)
            {
                if (Members[i].CreatedAtMs < oldestMs)
                {
                    Members.RemoveAt(i);
                }
            }

            if (Members.Count < minStrategies)
            {
                Emitted = false;
            }
        }

        /// <summary>Adds the signal, replacing the same strategy's older one.</summary>
        public void Upsert(Signal signal)
        {
            for (var i = 0; i < Members.Count; i++)
            {
                if (string.Equals(Members[i].Strategy, signal.Strategy, StringComparison.Ordinal))
                {
                    Members[i] = signal;
                    return;
                }
            }

            Members.Add(signal);
        }
    }
}
