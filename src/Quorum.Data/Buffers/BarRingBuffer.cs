using Quorum.Core.MarketData;
using Quorum.Data.Integrity;

namespace Quorum.Data.Buffers;

/// <summary>
/// A fixed-capacity ring of the newest bars of one symbol and timeframe. Appending is O(1);
/// when full, the oldest bar is overwritten.
/// </summary>
/// <remarks>
/// <para>
/// Open times must strictly increase, with one exception: a still-forming bar
/// (<see cref="Bar.IsClosed"/> = false) is updated in place by a bar with the same open time,
/// forming → forming or forming → closed. A closed bar is final: the same open time again is a
/// duplicate and is rejected, as is an older open time, or a newer bar while the newest one is
/// still forming (its closed version must come first). Rejections throw
/// <see cref="ArgumentException"/> and leave the buffer unchanged.
/// </para>
/// <para>Not thread-safe: a ring belongs to one single-threaded consumer.</para>
/// </remarks>
public sealed class BarRingBuffer
{
    /// <summary>Default capacity: the seed's "≥ 2000 bars per timeframe".</summary>
    public const int DefaultCapacity = 2000;

    private readonly Bar[] _items;
    private readonly string _name;
    private int _next;

    /// <param name="capacity">Number of bars kept (≥ 1).</param>
    /// <param name="name">Used in error messages, e.g. <c>BINANCE:BTCUSDT 1h</c>.</param>
    public BarRingBuffer(int capacity = DefaultCapacity, string? name = null)
    {
        if (capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, $"ring buffer capacity = {capacity} is out of range (≥ 1)");
        }

        _items = new Bar[capacity];
        _name = string.IsNullOrWhiteSpace(name) ? "ring buffer" : name;
    }

    public int Capacity => _items.Length;

    /// <summary>Number of bars held (≤ <see cref="Capacity"/>).</summary>
    public int Count { get; private set; }

    public bool IsEmpty => Count == 0;

    public bool IsFull => Count == _items.Length;

    /// <summary>The newest bar; throws when empty.</summary>
    public Bar Newest => Count > 0 ? _items[NewestSlot] : throw new InvalidOperationException($"{_name} is empty");

    /// <summary>
    /// The bar <paramref name="age"/> steps back from the newest: <c>[0]</c> is the newest,
    /// <c>[Count - 1]</c> the oldest held.
    /// </summary>
    public Bar this[int age]
    {
        get
        {
            if ((uint)age >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(age), age, $"{_name}: age must be in [0, {Count}) (0 = newest)");
            }

            var slot = NewestSlot - age;
            return _items[slot < 0 ? slot + _items.Length : slot];
        }
    }

    private int NewestSlot => _next == 0 ? _items.Length - 1 : _next - 1;

    /// <summary>Adds <paramref name="bar"/> as the newest bar, or updates the forming newest bar in place.</summary>
    /// <exception cref="ArgumentException">The bar is out of order, a duplicate of a closed bar, or follows a still-forming bar.</exception>
    public BarAppendResult Append(in Bar bar)
    {
        if (Count > 0)
        {
            ref var newest = ref _items[NewestSlot];
            if (bar.OpenTimeMs == newest.OpenTimeMs)
            {
                if (newest.IsClosed)
                {
                    throw new ArgumentException(
                        $"{_name}: duplicate bar at {TimeText.Utc(bar.OpenTimeMs)} UTC; that bar is already closed and final", nameof(bar));
                }

                newest = bar;
                return BarAppendResult.Replaced;
            }

            if (bar.OpenTimeMs < newest.OpenTimeMs)
            {
                throw new ArgumentException(
                    $"{_name}: bar at {TimeText.Utc(bar.OpenTimeMs)} UTC is older than the newest bar at {TimeText.Utc(newest.OpenTimeMs)} UTC; bars must arrive in ascending open-time order",
                    nameof(bar));
            }

            if (!newest.IsClosed)
            {
                throw new ArgumentException(
                    $"{_name}: bar at {TimeText.Utc(bar.OpenTimeMs)} UTC arrived while the bar at {TimeText.Utc(newest.OpenTimeMs)} UTC is still forming; append its closed version first",
                    nameof(bar));
            }
        }

        _items[_next] = bar;
        _next = _next + 1 == _items.Length ? 0 : _next + 1;
        if (Count < _items.Length)
        {
            Count++;
        }

        return BarAppendResult.Appended;
    }

    /// <summary>
    /// Copies the newest <c>min(destination.Length, Count)</c> bars into
    /// <paramref name="destination"/>, oldest first, and returns how many were copied.
    /// </summary>
    public int CopyLatest(Span<Bar> destination)
    {
        var count = Math.Min(destination.Length, Count);
        if (count == 0)
        {
            return 0;
        }

        var start = _next - count;
        if (start >= 0)
        {
            _items.AsSpan(start, count).CopyTo(destination);
        }
        else
        {
            var tail = -start;
            _items.AsSpan(_items.Length - tail, tail).CopyTo(destination);
            _items.AsSpan(0, _next).CopyTo(destination[tail..]);
        }

        return count;
    }

    /// <summary>The newest <c>min(<paramref name="count"/>, Count)</c> bars, oldest first.</summary>
    public Bar[] Latest(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var result = new Bar[Math.Min(count, Count)];
        CopyLatest(result);
        return result;
    }

    public void Clear()
    {
        Array.Clear(_items);
        _next = 0;
        Count = 0;
    }

    public override string ToString() => $"{_name} ({Count}/{Capacity} bars)";
}
