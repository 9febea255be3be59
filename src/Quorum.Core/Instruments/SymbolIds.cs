using System.Collections.Concurrent;

namespace Quorum.Core.Instruments;

/// <summary>
/// The process-wide numbering behind <see cref="Symbol.Id"/>: one id per distinct (venue, base, quote, market type),
/// handed out from 1 in first-use order. Thread-safe; a symbol is numbered when it is constructed (parsing, not per bar).
/// </summary>
internal static class SymbolIds
{
    private static readonly ConcurrentDictionary<(string Venue, string Base, string Quote, MarketType Type), int> Ids = new();
    private static int _last;

    public static int Of(string venue, string baseAsset, string quoteAsset, MarketType marketType)
    {
        var key = (venue, baseAsset, quoteAsset, marketType);
        if (Ids.TryGetValue(key, out var id))
        {
            return id;
        }

        // Two threads may race to number the same symbol: TryAdd keeps exactly one id and the loser reads it back (an
        // unused number is skipped, which is harmless).
        var candidate = Interlocked.Increment(ref _last);
        return Ids.TryAdd(key, candidate) ? candidate : Ids[key];
    }
}
