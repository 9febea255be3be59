using System.Collections.Immutable;
using Quorum.Core.Instruments;

namespace Quorum.Core.Trading;

/// <summary>
/// The exits a strategy asks for with an entry signal (seed 001 gives every strategy its own: "trail
/// 2×ATR, take-profits 1R/2R, time stop"). The risk layer turns it into the plan's stop, take-profits
/// and trail; it may tighten but never loosen it, and fills what is left null from governance.yaml
/// (<c>position_management</c>). All parts are optional.
/// </summary>
/// <remarks>
/// The stop is either <see cref="StopAtrMultiple"/> × ATR from the entry or the absolute
/// <see cref="StopPrice"/> (a structure level, e.g. below a swing low), not both. Take-profit levels are
/// strictly increasing in R and their fractions add up to at most 1; the rest of the position is the
/// runner that <see cref="Trail"/> (or the stop) closes.
/// </remarks>
public sealed record ExitSpec
{
    /// <summary>Largest ATR an ATR stop accepts (the distance must stay a decimal): decimal.MaxValue / 100, converted once.</summary>
    private static readonly double MaxAtr = (double)decimal.MaxValue / 100;

    public ExitSpec(
        decimal? stopAtrMultiple = null,
        decimal? stopPrice = null,
        IEnumerable<TakeProfitAtR>? takeProfits = null,
        TrailSpec? trail = null,
        long? timeStopMs = null,
        decimal? breakEvenAtR = null)
    {
        if (stopAtrMultiple is not null && stopPrice is not null)
        {
            throw new ArgumentException($"an exit spec has either a stop ATR multiple ({stopAtrMultiple}) or a stop price ({stopPrice}), not both", nameof(stopPrice));
        }

        StopAtrMultiple = stopAtrMultiple is { } multiple
            ? (multiple is > 0m and <= 50m ? multiple : throw new ArgumentOutOfRangeException(nameof(stopAtrMultiple), multiple, $"stop ATR multiple {multiple} is out of range (0 < x ≤ 50)"))
            : null;
        StopPrice = Guard.PositiveOrNull(stopPrice, "exit stop price");
        TakeProfits = takeProfits?.ToImmutableArray() ?? [];
        var previous = 0m;
        var fractions = 0m;
        foreach (var level in TakeProfits)
        {
            ArgumentNullException.ThrowIfNull(level, nameof(takeProfits));
            if (level.AtR <= previous)
            {
                throw new ArgumentOutOfRangeException(nameof(takeProfits), level.AtR, $"take-profit levels must be strictly increasing in R ({level.AtR}R follows {previous}R)");
            }

            previous = level.AtR;
            fractions += level.Fraction;
        }

        if (fractions > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(takeProfits), fractions, $"take-profit fractions sum to {fractions} (allowed: ≤ 1)");
        }

        Trail = trail;
        TimeStopMs = timeStopMs is { } ms
            ? (ms > 0 ? ms : throw new ArgumentOutOfRangeException(nameof(timeStopMs), ms, $"time stop {ms} ms must be positive"))
            : null;
        BreakEvenAtR = breakEvenAtR is { } r
            ? (r is > 0m and <= 20m ? r : throw new ArgumentOutOfRangeException(nameof(breakEvenAtR), r, $"break-even at {r}R is out of range (0 < R ≤ 20)"))
            : null;
    }

    /// <summary>No exit wishes: the risk layer's defaults apply.</summary>
    public static ExitSpec None { get; } = new();

    /// <summary>Stop distance from the entry in ATRs; null when <see cref="StopPrice"/> (or the default) applies.</summary>
    public decimal? StopAtrMultiple { get; }

    /// <summary>Absolute stop price (must be on the losing side of the entry); null for an ATR stop.</summary>
    public decimal? StopPrice { get; }

    /// <summary>Partial take-profits in R, strictly increasing; empty for none (the risk layer's defaults then apply).</summary>
    public ImmutableArray<TakeProfitAtR> TakeProfits { get; }

    /// <summary>Trail of the runner; null for the default.</summary>
    public TrailSpec? Trail { get; }

    /// <summary>Close at market this long after the entry fill; null for none.</summary>
    public long? TimeStopMs { get; }

    /// <summary>Move the stop to the entry once the trade is this many R in favour; null for the default.</summary>
    public decimal? BreakEvenAtR { get; }

    /// <summary>
    /// The stop price of an entry at <paramref name="entry"/>: <see cref="StopPrice"/> when set, else <paramref name="entry"/>
    /// ∓ (<see cref="StopAtrMultiple"/> or <paramref name="defaultAtrMultiple"/>) × <paramref name="atr"/>, on the instrument's
    /// tick (nearest). Null when the stop is not on the losing side of the entry or not a positive price, or when an ATR stop is needed
    /// and <paramref name="atr"/> is not a positive finite number (the caller refuses the signal with that reason).
    /// </summary>
    public decimal? StopFor(Instrument instrument, PositionSide side, decimal entry, double atr, decimal defaultAtrMultiple)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        decimal stop;
        if (StopPrice is { } price)
        {
            stop = price;
        }
        else
        {
            if (!double.IsFinite(atr) || atr <= 0 || atr > MaxAtr)
            {
                return null;
            }

            var distance = (StopAtrMultiple ?? defaultAtrMultiple) * (decimal)atr;
            stop = entry - (side.Sign() * distance);
            if (stop <= 0m)
            {
                return null;
            }

            stop = instrument.RoundPrice(stop);
        }

        return stop > 0m && side.Sign() * (entry - stop) > 0m ? stop : null;
    }

    /// <summary>
    /// The take-profit levels as prices for an entry at <paramref name="entry"/> with its stop at <paramref name="stop"/>:
    /// entry ± R × |entry − stop|, on the instrument's tick (nearest; at least one tick beyond the entry).
    /// </summary>
    public IReadOnlyList<TakeProfit> TakeProfitsFor(Instrument instrument, PositionSide side, decimal entry, decimal stop)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (TakeProfits.IsEmpty)
        {
            return [];
        }

        var risk = Math.Abs(entry - stop);
        var result = new TakeProfit[TakeProfits.Length];
        for (var i = 0; i < result.Length; i++)
        {
            var level = TakeProfits[i];
            var price = instrument.RoundPrice(entry + (side.Sign() * level.AtR * risk));
            if (side.Sign() * (price - entry) <= 0m)
            {
                price = entry + (side.Sign() * instrument.TickSize);
            }

            result[i] = new TakeProfit(price, level.Fraction);
        }

        return result;
    }

    public bool Equals(ExitSpec? other) =>
        other is not null &&
        (ReferenceEquals(this, other) ||
         (StopAtrMultiple == other.StopAtrMultiple && StopPrice == other.StopPrice && TakeProfits.SequenceEqual(other.TakeProfits) &&
          Equals(Trail, other.Trail) && TimeStopMs == other.TimeStopMs && BreakEvenAtR == other.BreakEvenAtR));

    public override int GetHashCode() => HashCode.Combine(StopAtrMultiple, StopPrice, TakeProfits.Length, Trail, TimeStopMs, BreakEvenAtR);

    public override string ToString()
    {
        var parts = new List<string>();
        if (StopAtrMultiple is { } multiple)
        {
            parts.Add($"stop {multiple}×ATR");
        }

        if (StopPrice is { } price)
        {
            parts.Add($"stop {price}");
        }

        if (!TakeProfits.IsEmpty)
        {
            parts.Add($"tp [{string.Join(", ", TakeProfits)}]");
        }

        if (Trail is { } trail)
        {
            parts.Add(trail.ToString());
        }

        if (TimeStopMs is { } ms)
        {
            parts.Add($"time stop {TimeSpan.FromMilliseconds(ms)}");
        }

        if (BreakEvenAtR is { } r)
        {
            parts.Add($"break-even at {r}R");
        }

        return parts.Count == 0 ? "default exits" : string.Join(", ", parts);
    }
}
