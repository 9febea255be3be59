using System.Collections.Immutable;
using Quorum.Core.Instruments;
using Quorum.Core.Time;

namespace Quorum.Core.Trading;

/// <summary>
/// A raw trade idea from a strategy, without a size: the union of seed 000's
/// <c>Signal(symbol, side LONG/SHORT, strategy, confidence, metadata)</c> and seed 001's
/// <c>Signal(symbol, side, entry, tf, validity_ts, reason, meta)</c>. Only the risk engine turns a
/// signal into a <see cref="Plan"/>.
/// </summary>
/// <remarks>
/// A signal is valid in the half-open window [<see cref="CreatedAtMs"/>, <see cref="ValidUntilMs"/>):
/// a signal valid until a bar's close time is stale at that close. Equality compares metadata by
/// key and by <see cref="object.Equals(object?, object?)"/> on the values.
/// </remarks>
public sealed record Signal
{
    public Signal(
        Symbol symbol,
        PositionSide side,
        string strategy,
        double confidence,
        long createdAtMs,
        decimal? entry = null,
        Timeframe? timeframe = null,
        long? validUntilMs = null,
        string? reason = null,
        IEnumerable<KeyValuePair<string, object>>? metadata = null,
        ExitSpec? exits = null)
    {
        Symbol = Guard.Symbol(symbol);
        Side = Guard.Defined(side);
        Strategy = Guard.NotBlank(strategy, "signal strategy name");
        if (!(confidence is >= 0.0 and <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, $"signal confidence {confidence} is out of range (0 ≤ confidence ≤ 1)");
        }

        Confidence = confidence;
        CreatedAtMs = createdAtMs;
        Entry = Guard.PositiveOrNull(entry, "signal entry price");
        Timeframe = timeframe is { } tf ? Guard.Timeframe(tf, nameof(timeframe)) : null;
        if (validUntilMs <= createdAtMs)
        {
            throw new ArgumentOutOfRangeException(
                nameof(validUntilMs), validUntilMs, $"signal valid-until {validUntilMs} must be after its creation time {createdAtMs}");
        }

        ValidUntilMs = validUntilMs;
        Reason = reason ?? string.Empty;
        Metadata = Core.Metadata.From(metadata, nameof(metadata));
        Exits = exits;
    }

    public Symbol Symbol { get; }

    public PositionSide Side { get; }

    /// <summary>Name of the strategy (or cluster) that produced the signal, e.g. <c>BRK</c>, <c>breakout_4h</c>.</summary>
    public string Strategy { get; }

    /// <summary>How sure the strategy is, in [0, 1].</summary>
    public double Confidence { get; }

    /// <summary>Suggested entry price; null for "at market".</summary>
    public decimal? Entry { get; }

    /// <summary>Timeframe the signal was computed on, when it has one.</summary>
    public Timeframe? Timeframe { get; }

    /// <summary>Engine time the signal was created (UTC ms).</summary>
    public long CreatedAtMs { get; }

    /// <summary>Exclusive end of validity (seed <c>validity_ts</c>, UTC ms); null = no expiry.</summary>
    public long? ValidUntilMs { get; }

    /// <summary>Human-readable reason (seed <c>reason</c>); empty when none was given.</summary>
    public string Reason { get; }

    /// <summary>Free-form annotations (seed <c>metadata</c>/<c>meta</c>), ordinal-sorted by key.</summary>
    public ImmutableSortedDictionary<string, object> Metadata { get; }

    /// <summary>The exits the strategy asks for (stop, take-profits, trail, time stop); null: the risk layer's defaults.</summary>
    public ExitSpec? Exits { get; }

    /// <summary>True when <paramref name="timeMs"/> lies in [<see cref="CreatedAtMs"/>, <see cref="ValidUntilMs"/>).</summary>
    public bool IsValidAt(long timeMs) => timeMs >= CreatedAtMs && (ValidUntilMs is null || timeMs < ValidUntilMs);

    public bool Equals(Signal? other) =>
        other is not null &&
        (ReferenceEquals(this, other) ||
         (Symbol == other.Symbol && Side == other.Side && Strategy == other.Strategy &&
          Confidence.Equals(other.Confidence) && Entry == other.Entry && Timeframe == other.Timeframe &&
          CreatedAtMs == other.CreatedAtMs && ValidUntilMs == other.ValidUntilMs && Reason == other.Reason &&
          Equals(Exits, other.Exits) && Core.Metadata.AreEqual(Metadata, other.Metadata)));

    public override int GetHashCode() =>
        HashCode.Combine(Symbol, Side, Strategy, Confidence, Entry, CreatedAtMs, ValidUntilMs, Core.Metadata.GetHashCode(Metadata));

    public override string ToString() =>
        $"{Side.ToSeedText()} {Symbol} by {Strategy} conf={Confidence:0.###}" +
        (Entry is { } e ? $" entry={e}" : string.Empty) +
        (Timeframe is { } tf ? $" tf={tf}" : string.Empty) +
        $" at={CreatedAtMs}" +
        (ValidUntilMs is { } until ? $" until={until}" : string.Empty) +
        (Exits is { } exits ? $" exits: {exits}" : string.Empty) +
        (Reason.Length > 0 ? $" ({Reason})" : string.Empty);
}
