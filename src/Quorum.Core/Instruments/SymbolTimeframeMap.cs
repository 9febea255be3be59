using Quorum.Core.Time;

namespace Quorum.Core.Instruments;

/// <summary>
/// Per-(symbol, timeframe) state found without hashing: a <see cref="SymbolMap{T}"/> load, then a scan of that symbol's
/// few timeframes — for what a strategy or the bot looks up on every bar. Not thread-safe; no enumeration order.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class SymbolTimeframeMap<T>
{
    private readonly SymbolMap<Slots> _bySymbol = new();

    /// <summary>True, with the value, when one is stored for <paramref name="symbol"/> × <paramref name="timeframe"/>.</summary>
    public bool TryGetValue(Symbol symbol, Timeframe timeframe, out T value)
    {
        if (_bySymbol.Find(symbol) is not { } slots)
        {
            value = default!;
            return false;
        }

        var milliseconds = timeframe.Milliseconds;
        var timeframes = slots.Timeframes;
        for (var i = 0; i < timeframes.Length; i++)
        {
            if (timeframes[i].Milliseconds == milliseconds && timeframes[i] == timeframe)
            {
                value = slots.Values[i];
                return true;
            }
        }

        value = default!;
        return false;
    }

    /// <summary>Stores <paramref name="value"/> for <paramref name="symbol"/> × <paramref name="timeframe"/> (replacing what was there).</summary>
    public void Set(Symbol symbol, Timeframe timeframe, T value)
    {
        if (_bySymbol.Find(symbol) is not { } slots)
        {
            slots = new Slots();
            _bySymbol.Set(symbol, slots);
        }

        var index = Array.IndexOf(slots.Timeframes, timeframe);
        if (index >= 0)
        {
            slots.Values[index] = value;
            return;
        }

        slots.Timeframes = [.. slots.Timeframes, timeframe];
        slots.Values = [.. slots.Values, value];
    }

    private sealed class Slots
    {
        public Timeframe[] Timeframes { get; set; } = [];

        public T[] Values { get; set; } = [];
    }
}
