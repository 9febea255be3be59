using System.Collections.Immutable;
using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;

namespace Quorum.Strategies;

/// <summary>
/// How strategies express entries and exits with <see cref="Signal"/> (Quorum.Core): the side is the position
/// side concerned and the metadata key <see cref="IntentKey"/> says <c>entry</c> or <c>exit</c> (a signal without
/// it is an entry). Signals are stamped with the closing bar's close time. An entry is at market unless its
/// metadata says <see cref="EntryOrderKey"/> = <c>limit</c>, in which case <see cref="Signal.Entry"/> is the limit price.
/// </summary>
public static class StrategySignals
{
    /// <summary>Metadata key carrying <c>entry</c> or <c>exit</c>.</summary>
    public const string IntentKey = "intent";

    /// <summary>Metadata key carrying <c>market</c> (default) or <c>limit</c>.</summary>
    public const string EntryOrderKey = "entry_order";

    /// <summary>
    /// Metadata key of the most an entry may cost, in the quote asset (a decimal; seed 003's DCA <c>amount_per_step</c>). The
    /// risk layer may size the entry smaller, never larger.
    /// </summary>
    public const string MaxNotionalKey = "max_notional";

    /// <summary>The <see cref="MaxNotionalKey"/> of <paramref name="signal"/>, or null when it has none.</summary>
    public static decimal? MaxNotionalOf(Signal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return signal.Metadata.TryGetValue(MaxNotionalKey, out var value) && value is decimal amount && amount > 0m ? amount : null;
    }

    /// <summary>A signal to open a <paramref name="side"/> position at market, created at the bar's close.</summary>
    public static Signal Entry(string strategy, Symbol symbol, Timeframe timeframe, in Bar bar, PositionSide side, string reason) =>
        Create(strategy, symbol, timeframe, bar, side, SignalIntent.Entry, reason, 1.0, null, null, null);

    /// <summary>
    /// A signal to open a <paramref name="side"/> position at market with a <paramref name="confidence"/> in [0, 1], the
    /// strategy's own <paramref name="exits"/> and extra <paramref name="metadata"/> (which may not use the keys
    /// <see cref="IntentKey"/> or <see cref="EntryOrderKey"/>).
    /// </summary>
    public static Signal Entry(
        string strategy,
        Symbol symbol,
        Timeframe timeframe,
        in Bar bar,
        PositionSide side,
        string reason,
        double confidence,
        ExitSpec? exits,
        IEnumerable<KeyValuePair<string, object>>? metadata = null) =>
        Create(strategy, symbol, timeframe, bar, side, SignalIntent.Entry, reason, confidence, exits, metadata, null);

    /// <summary>A signal to open a <paramref name="side"/> position with a limit order at <paramref name="limitPrice"/> (grid levels, DCA steps).</summary>
    public static Signal LimitEntry(
        string strategy,
        Symbol symbol,
        Timeframe timeframe,
        in Bar bar,
        PositionSide side,
        decimal limitPrice,
        string reason,
        double confidence,
        ExitSpec? exits,
        IEnumerable<KeyValuePair<string, object>>? metadata = null) =>
        Create(strategy, symbol, timeframe, bar, side, SignalIntent.Entry, reason, confidence, exits, metadata, limitPrice);

    /// <summary>A signal to close the open <paramref name="side"/> position, created at the bar's close.</summary>
    public static Signal Exit(string strategy, Symbol symbol, Timeframe timeframe, in Bar bar, PositionSide side, string reason) =>
        Create(strategy, symbol, timeframe, bar, side, SignalIntent.Exit, reason, 1.0, null, null, null);

    /// <summary>The intent of <paramref name="signal"/>: <see cref="SignalIntent.Exit"/> when its metadata says <c>exit</c>, else entry.</summary>
    public static SignalIntent IntentOf(Signal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return signal.Metadata.TryGetValue(IntentKey, out var value) && value is string text && text == "exit"
            ? SignalIntent.Exit
            : SignalIntent.Entry;
    }

    /// <summary>True when <paramref name="signal"/> asks for a limit entry at <see cref="Signal.Entry"/>.</summary>
    public static bool IsLimitEntry(Signal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return signal.Metadata.TryGetValue(EntryOrderKey, out var value) && value is string text && text == "limit";
    }

    /// <summary>The metadata of a plain market entry or exit (the intent only), built once: immutable, so every such signal can share it.</summary>
    private static readonly ImmutableSortedDictionary<string, object> EntryOnly =
        ImmutableSortedDictionary.Create<string, object>(StringComparer.Ordinal).Add(IntentKey, "entry");

    private static readonly ImmutableSortedDictionary<string, object> ExitOnly =
        ImmutableSortedDictionary.Create<string, object>(StringComparer.Ordinal).Add(IntentKey, "exit");

    private static Signal Create(
        string strategy,
        Symbol symbol,
        Timeframe timeframe,
        in Bar bar,
        PositionSide side,
        SignalIntent intent,
        string reason,
        double confidence,
        ExitSpec? exits,
        IEnumerable<KeyValuePair<string, object>>? metadata,
        decimal? limitPrice) =>
        new(
            symbol,
            side,
            strategy,
            confidence,
            createdAtMs: timeframe.CloseTime(bar.OpenTimeMs),
            entry: limitPrice ?? bar.Close,
            timeframe: timeframe,
            reason: reason,
            metadata: metadata is null && limitPrice is null
                ? (intent == SignalIntent.Exit ? ExitOnly : EntryOnly)
                : MetadataOf(strategy, intent, metadata, limitPrice),
            exits: exits);

    /// <summary>The intent, the limit flag and the strategy's own entries, checked for the two keys the factory sets.</summary>
    private static List<KeyValuePair<string, object>> MetadataOf(
        string strategy, SignalIntent intent, IEnumerable<KeyValuePair<string, object>>? metadata, decimal? limitPrice)
    {
        var all = new List<KeyValuePair<string, object>> { KeyValuePair.Create<string, object>(IntentKey, intent == SignalIntent.Exit ? "exit" : "entry") };
        if (limitPrice is not null)
        {
            all.Add(KeyValuePair.Create<string, object>(EntryOrderKey, "limit"));
        }

        foreach (var pair in metadata ?? [])
        {
            if (pair.Key is IntentKey or EntryOrderKey)
            {
                throw new ArgumentException($"strategy {strategy}: signal metadata may not set '{pair.Key}' (the signal factory sets it)", nameof(metadata));
            }

            all.Add(pair);
        }

        return all;
    }
}
