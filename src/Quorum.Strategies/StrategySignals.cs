using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;

namespace Quorum.Strategies;

/// <summary>
/// How API-1 strategies express entries and exits with <see cref="Signal"/> (Quorum.Core): the side is
/// the position side concerned and the metadata key <see cref="IntentKey"/> says <c>entry</c> or <c>exit</c>
/// (a signal without it is an entry). Signals are stamped with the closing bar's close time.
/// </summary>
public static class StrategySignals
{
    /// <summary>Metadata key carrying <c>entry</c> or <c>exit</c>.</summary>
    public const string IntentKey = "intent";

    /// <summary>A signal to open a <paramref name="side"/> position, created at the bar's close.</summary>
    public static Signal Entry(string strategy, Symbol symbol, Timeframe timeframe, in Bar bar, PositionSide side, string reason) =>
        Create(strategy, symbol, timeframe, bar, side, SignalIntent.Entry, reason);

    /// <summary>A signal to close the open <paramref name="side"/> position, created at the bar's close.</summary>
    public static Signal Exit(string strategy, Symbol symbol, Timeframe timeframe, in Bar bar, PositionSide side, string reason) =>
        Create(strategy, symbol, timeframe, bar, side, SignalIntent.Exit, reason);

    /// <summary>The intent of <paramref name="signal"/>: <see cref="SignalIntent.Exit"/> when its metadata says <c>exit</c>, else entry.</summary>
    public static SignalIntent IntentOf(Signal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return signal.Metadata.TryGetValue(IntentKey, out var value) && value is string text && text == "exit"
            ? SignalIntent.Exit
            : SignalIntent.Entry;
    }

    private static Signal Create(string strategy, Symbol symbol, Timeframe timeframe, in Bar bar, PositionSide side, SignalIntent intent, string reason) =>
        new(
            symbol,
            side,
            strategy,
            confidence: 1.0,
            createdAtMs: timeframe.CloseTime(bar.OpenTimeMs),
            entry: bar.Close,
            timeframe: timeframe,
            reason: reason,
            metadata: [KeyValuePair.Create<string, object>(IntentKey, intent == SignalIntent.Exit ? "exit" : "entry")]);
}
