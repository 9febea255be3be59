namespace Quorum.Core.Instruments;

/// <summary>
/// Per-symbol state in an array indexed by <see cref="Symbol.Id"/>: a lookup is a bounds check and a load, with no
/// hashing or key compare — for state read on every bar (the exchange's books, the OMS's bar state, the ledger's
/// positions). Not thread-safe (the engine's loop thread owns it). The array grows to the largest id stored, so it
/// suits the few hundred symbols one engine trades, not an open-ended set. Enumerate the values with the owner's own
/// list, kept in insertion order: this map has no order.
/// </summary>
/// <typeparam name="T">A reference type; null means absent.</typeparam>
public sealed class SymbolMap<T>
    where T : class
{
    private T?[] _items = [];

    /// <summary>The value stored for <paramref name="symbol"/>, or null.</summary>
    public T? Find(Symbol symbol)
    {
        var items = _items;
        var id = symbol.Id;
        return (uint)id < (uint)items.Length ? items[id] : null;
    }

    /// <summary>Stores <paramref name="value"/> for <paramref name="symbol"/> (replacing what was there).</summary>
    /// <exception cref="ArgumentException"><paramref name="symbol"/> is <c>default</c>.</exception>
    public void Set(Symbol symbol, T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var id = symbol.Id;
        if (id <= 0)
        {
            throw new ArgumentException("the default (empty) symbol cannot key a SymbolMap", nameof(symbol));
        }

        if (id >= _items.Length)
        {
            Array.Resize(ref _items, Math.Max(id + 1, Math.Min(2 * _items.Length, id + 1024)));
        }

        _items[id] = value;
    }

    /// <summary>Forgets every value.</summary>
    public void Clear() => Array.Clear(_items);
}
