using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Integrity;

namespace Quorum.Data.Buffers;

/// <summary>
/// The data engine's bar store (seed 001 <c>data/feed.py</c>): one <see cref="BarRingBuffer"/>
/// per subscribed symbol × timeframe, with the seed's interface
/// <c>subscribe(symbols, tfs)</c>, <c>next_batch(tf)</c>, <c>latest(symbol, tf, n=1)</c>.
/// </summary>
/// <remarks>
/// <para>
/// At most <see cref="MarketDataBufferOptions.MaxSymbols"/> symbols are held; subscribing one
/// more evicts the least recently used symbol (all its timeframes), where "used" means
/// subscribed, appended to or read with <see cref="Latest"/>. <see cref="Subscribe"/> returns
/// the evicted symbols; appending to an evicted symbol fails until it is subscribed again.
/// </para>
/// <para>
/// <see cref="NextBatch"/> hands out every bar that became closed since the previous call for
/// that timeframe, including bars of symbols evicted in between (they did arrive). Undelivered
/// bars are read back from the ring buffers, so they cost no memory beyond the rings: a
/// consumer that falls more than <see cref="MarketDataBufferOptions.Capacity"/> bars behind on
/// a symbol × timeframe gets only the newest <c>Capacity</c> of them, and a timeframe that is
/// subscribed but never drained holds nothing extra.
/// </para>
/// <para>
/// Not thread-safe. It is meant for the single-threaded core (DESIGN §1.2): feeds hand bars
/// over through a channel and the core loop calls every method.
/// </para>
/// </remarks>
public sealed class MarketDataBuffer
{
    private readonly Dictionary<Symbol, SymbolState> _symbols = [];
    private readonly HashSet<Timeframe> _timeframes = [];

    /// <summary>Closed bars of evicted symbols not yet handed out by <see cref="NextBatch"/>.</summary>
    private readonly Dictionary<Timeframe, List<PendingBar>> _evictedUndelivered = [];
    private readonly HashSet<Symbol> _evicted = [];

    /// <summary>Scratch list reused by <see cref="NextBatch"/>.</summary>
    private readonly List<PendingBar> _batch = [];
    private long _clock;

    public MarketDataBuffer(MarketDataBufferOptions? options = null)
    {
        Options = options ?? MarketDataBufferOptions.Default;
        Options.Validate();
    }

    public MarketDataBufferOptions Options { get; }

    /// <summary>Number of symbols currently held.</summary>
    public int SymbolCount => _symbols.Count;

    /// <summary>The symbols currently held, in ordinal order.</summary>
    public IReadOnlyList<Symbol> Symbols => [.. _symbols.Keys.Order()];

    /// <summary>
    /// Subscribes every symbol to every timeframe (adding to any earlier subscription) and
    /// returns the symbols evicted to stay within <see cref="MarketDataBufferOptions.MaxSymbols"/>.
    /// </summary>
    /// <exception cref="ArgumentException">No symbols or timeframes, an invalid one, or more distinct symbols than MaxSymbols.</exception>
    public IReadOnlyList<Symbol> Subscribe(IEnumerable<Symbol> symbols, IEnumerable<Timeframe> timeframes)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(timeframes);
        var symbolList = symbols.Distinct().ToList();
        var timeframeList = timeframes.Distinct().ToList();
        if (symbolList.Count == 0 || symbolList.Any(s => s.Venue.Code is null))
        {
            throw new ArgumentException("subscribe needs at least one symbol, and no default(Symbol)", nameof(symbols));
        }

        if (timeframeList.Count == 0 || timeframeList.Any(t => t.Name is null))
        {
            throw new ArgumentException("subscribe needs at least one timeframe, and no default(Timeframe)", nameof(timeframes));
        }

        if (symbolList.Count > Options.MaxSymbols)
        {
            throw new ArgumentException(
                $"subscribing {symbolList.Count} symbols at once exceeds MarketDataBufferOptions.MaxSymbols = {Options.MaxSymbols}", nameof(symbols));
        }

        // Touch the symbols already held first so that eviction never picks one being subscribed.
        foreach (var symbol in symbolList)
        {
            if (_symbols.TryGetValue(symbol, out var state))
            {
                state.LastUsed = ++_clock;
            }
        }

        var evicted = new List<Symbol>();
        foreach (var symbol in symbolList)
        {
            if (!_symbols.TryGetValue(symbol, out var state))
            {
                if (_symbols.Count >= Options.MaxSymbols)
                {
                    evicted.Add(EvictLeastRecentlyUsed());
                }

                state = new SymbolState(symbol.ToString());
                _symbols.Add(symbol, state);
                _evicted.Remove(symbol);
            }

            state.LastUsed = ++_clock;
            foreach (var timeframe in timeframeList)
            {
                if (!state.Buffers.ContainsKey(timeframe))
                {
                    state.Buffers.Add(timeframe, new Slot(new BarRingBuffer(Options.Capacity, $"{symbol} {timeframe}")));
                }

                _timeframes.Add(timeframe);
            }
        }

        return evicted;
    }

    /// <summary>True when <paramref name="symbol"/> is held and subscribed to <paramref name="timeframe"/>.</summary>
    public bool IsSubscribed(Symbol symbol, Timeframe timeframe) =>
        _symbols.TryGetValue(symbol, out var state) && state.Buffers.ContainsKey(timeframe);

    /// <summary>
    /// Stores a bar of a subscribed symbol × timeframe. A still-forming bar is updated in place by
    /// later versions with the same open time (see <see cref="BarRingBuffer"/>); a bar becomes
    /// part of the next <see cref="NextBatch"/> of its timeframe once it is closed.
    /// </summary>
    /// <exception cref="InvalidOperationException">The pair is not subscribed (or the symbol was evicted).</exception>
    /// <exception cref="ArgumentException">The bar is off the timeframe's grid, out of order or a duplicate.</exception>
    public void Append(Symbol symbol, Timeframe timeframe, Bar bar)
    {
        var state = Require(symbol, timeframe, out var slot);
        if (!timeframe.IsAligned(bar.OpenTimeMs))
        {
            throw new ArgumentException(
                $"{symbol} {timeframe}: bar at {TimeText.Utc(bar.OpenTimeMs)} UTC is not on the {timeframe} grid (expected {TimeText.Utc(timeframe.AlignDown(bar.OpenTimeMs))})",
                nameof(bar));
        }

        slot.Ring.Append(bar);
        state.LastUsed = ++_clock;

        // The undelivered bars are always the newest closed bars of the ring; the ring may have
        // overwritten the oldest of them.
        var closedHeld = slot.Ring.Count - (bar.IsClosed ? 0 : 1);
        slot.Undelivered = Math.Min(slot.Undelivered + (bar.IsClosed ? 1 : 0), closedHeld);
    }

    /// <summary>
    /// Every bar of <paramref name="timeframe"/> that became closed since the previous call for
    /// that timeframe, ordered by open time, then symbol (ordinal). Empty when nothing closed.
    /// </summary>
    /// <exception cref="ArgumentException">No symbol was ever subscribed to <paramref name="timeframe"/>.</exception>
    public IReadOnlyList<(Symbol Symbol, Bar Bar)> NextBatch(Timeframe timeframe)
    {
        if (!_timeframes.Contains(timeframe))
        {
            throw new ArgumentException(
                $"timeframe {timeframe} was never subscribed (subscribed: {string.Join(", ", _timeframes.Order())})", nameof(timeframe));
        }

        var pending = _batch;
        pending.Clear();
        if (_evictedUndelivered.Remove(timeframe, out var orphans))
        {
            pending.AddRange(orphans);
        }

        foreach (var (symbol, state) in _symbols)
        {
            if (state.Buffers.TryGetValue(timeframe, out var slot) && slot.Undelivered > 0)
            {
                TakeUndelivered(symbol, state.Key, slot, pending);
            }
        }

        if (pending.Count == 0)
        {
            return [];
        }

        pending.Sort(static (a, b) =>
        {
            var byTime = a.Bar.OpenTimeMs.CompareTo(b.Bar.OpenTimeMs);
            return byTime != 0 ? byTime : string.CompareOrdinal(a.Key, b.Key);
        });
        var batch = new (Symbol, Bar)[pending.Count];
        for (var i = 0; i < batch.Length; i++)
        {
            batch[i] = (pending[i].Symbol, pending[i].Bar);
        }

        pending.Clear();
        return batch;
    }

    /// <summary>
    /// The newest <paramref name="n"/> bars (fewer if fewer are held), oldest first. A still-forming
    /// newest bar is left out unless <paramref name="includeForming"/> is true, so that decisions
    /// see the same closed bars in backtest, paper and live.
    /// </summary>
    /// <exception cref="InvalidOperationException">The pair is not subscribed (or the symbol was evicted).</exception>
    public Bar[] Latest(Symbol symbol, Timeframe timeframe, int n = 1, bool includeForming = false)
    {
        if (n < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, $"latest: n = {n} is out of range (≥ 1)");
        }

        var state = Require(symbol, timeframe, out var slot);
        var buffer = slot.Ring;
        state.LastUsed = ++_clock;
        var skipForming = !includeForming && buffer.Count > 0 && !buffer.Newest.IsClosed;
        var available = buffer.Count - (skipForming ? 1 : 0);
        var result = new Bar[Math.Min(n, available)];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = buffer[result.Length - 1 - i + (skipForming ? 1 : 0)];
        }

        return result;
    }

    /// <summary>Moves the undelivered closed bars of <paramref name="slot"/> (the newest ones, oldest first) into <paramref name="destination"/>.</summary>
    private static void TakeUndelivered(Symbol symbol, string key, Slot slot, List<PendingBar> destination)
    {
        var ring = slot.Ring;
        var formingNewest = ring.Newest.IsClosed ? 0 : 1;
        for (var age = slot.Undelivered - 1 + formingNewest; age >= formingNewest; age--)
        {
            destination.Add(new PendingBar(symbol, key, ring[age]));
        }

        slot.Undelivered = 0;
    }

    private SymbolState Require(Symbol symbol, Timeframe timeframe, out Slot slot)
    {
        if (!_symbols.TryGetValue(symbol, out var state))
        {
            throw new InvalidOperationException(_evicted.Contains(symbol)
                ? $"{symbol} {timeframe} is not subscribed: {symbol} was evicted as the least recently used symbol (MarketDataBufferOptions.MaxSymbols = {Options.MaxSymbols}); subscribe it again"
                : $"{symbol} {timeframe} is not subscribed; call Subscribe first ({_symbols.Count} symbols subscribed)");
        }

        if (!state.Buffers.TryGetValue(timeframe, out var found))
        {
            throw new InvalidOperationException(
                $"{symbol} {timeframe} is not subscribed ({symbol} is subscribed to {string.Join(", ", state.Buffers.Keys.Order())})");
        }

        slot = found;
        return state;
    }

    private Symbol EvictLeastRecentlyUsed()
    {
        var victim = default(KeyValuePair<Symbol, SymbolState>);
        var oldest = long.MaxValue;
        foreach (var entry in _symbols)
        {
            if (entry.Value.LastUsed < oldest)
            {
                oldest = entry.Value.LastUsed;
                victim = entry;
            }
        }

        _symbols.Remove(victim.Key);
        _evicted.Add(victim.Key);
        foreach (var (timeframe, slot) in victim.Value.Buffers)
        {
            if (slot.Undelivered > 0)
            {
                if (!_evictedUndelivered.TryGetValue(timeframe, out var orphans))
                {
                    orphans = [];
                    _evictedUndelivered.Add(timeframe, orphans);
                }

                TakeUndelivered(victim.Key, victim.Value.Key, slot, orphans);
            }
        }

        return victim.Key;
    }

    private sealed class SymbolState(string key)
    {
        public string Key { get; } = key;

        public Dictionary<Timeframe, Slot> Buffers { get; } = [];

        public long LastUsed { get; set; }
    }

    /// <summary>The ring of one symbol × timeframe and how many of its newest closed bars <see cref="NextBatch"/> has not handed out yet.</summary>
    private sealed class Slot(BarRingBuffer ring)
    {
        public BarRingBuffer Ring { get; } = ring;

        /// <summary>Never more than the closed bars the ring holds.</summary>
        public int Undelivered { get; set; }
    }

    private readonly record struct PendingBar(Symbol Symbol, string Key, Bar Bar);
}
