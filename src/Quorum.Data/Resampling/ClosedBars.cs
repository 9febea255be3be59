using Quorum.Core.MarketData;

namespace Quorum.Data.Resampling;

/// <summary>
/// The higher-timeframe bars closed by one <see cref="BarAggregator.Add"/> call: none, one, or
/// two (after a gap, the arrival of a later bucket closes the previous one and can also
/// complete its own bucket). Allocation-free; enumerate it with <c>foreach</c>.
/// </summary>
public readonly struct ClosedBars : IEquatable<ClosedBars>
{
    private readonly Bar _first;
    private readonly Bar _second;

    private ClosedBars(int count, Bar first, Bar second)
    {
        Count = count;
        _first = first;
        _second = second;
    }

    /// <summary>Number of bars closed (0, 1 or 2).</summary>
    public int Count { get; }

    public bool IsEmpty => Count == 0;

    /// <summary>The <paramref name="index"/>-th closed bar, oldest first.</summary>
    public Bar this[int index] => index switch
    {
        0 when Count > 0 => _first,
        1 when Count > 1 => _second,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be in [0, {Count})"),
    };

    public static bool operator ==(ClosedBars left, ClosedBars right) => left.Equals(right);

    public static bool operator !=(ClosedBars left, ClosedBars right) => !left.Equals(right);

    public Enumerator GetEnumerator() => new(this);

    public bool Equals(ClosedBars other) =>
        Count == other.Count && (Count < 1 || _first == other._first) && (Count < 2 || _second == other._second);

    public override bool Equals(object? obj) => obj is ClosedBars other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Count, Count > 0 ? _first : default, Count > 1 ? _second : default);

    internal ClosedBars With(in Bar bar) => Count switch
    {
        0 => new ClosedBars(1, bar, default),
        1 => new ClosedBars(2, _first, bar),
        _ => throw new InvalidOperationException("at most two bars close per input bar"),
    };

    /// <summary>Enumerates the closed bars, oldest first.</summary>
    public struct Enumerator
    {
        private readonly ClosedBars _bars;
        private int _index;

        internal Enumerator(ClosedBars bars)
        {
            _bars = bars;
            _index = -1;
        }

        public readonly Bar Current => _bars[_index];

        public bool MoveNext() => ++_index < _bars.Count;
    }
}
