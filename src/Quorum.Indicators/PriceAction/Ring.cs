namespace Quorum.Indicators.PriceAction;

/// <summary>A fixed-capacity ring of the last values, read by "bars ago" (0 = the latest).</summary>
internal sealed class Ring<T>
    where T : struct
{
    private readonly T[] _items;
    private int _next;

    public Ring(int capacity) => _items = new T[capacity];

    public int Count { get; private set; }

    public bool IsFull => Count == _items.Length;

    public void Add(T item)
    {
        _items[_next] = item;
        _next = _next + 1 == _items.Length ? 0 : _next + 1;
        if (Count < _items.Length)
        {
            Count++;
        }
    }

    /// <summary>The value added <paramref name="barsAgo"/> additions ago (0 = the latest); requires barsAgo &lt; Count.</summary>
    public T Ago(int barsAgo)
    {
        var index = _next - 1 - barsAgo;
        return _items[index < 0 ? index + _items.Length : index];
    }

    public void Clear()
    {
        Array.Clear(_items);
        _next = 0;
        Count = 0;
    }
}
