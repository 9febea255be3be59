using System.Diagnostics.CodeAnalysis;

namespace Quorum.Core.Time;

/// <summary>
/// A bar timeframe, one of <c>1m 3m 5m 15m 30m 1h 2h 4h 6h 12h 1d 1w</c>.
/// A bar's timestamp is its open time in UTC milliseconds since the Unix epoch.
/// Bars align to multiples of the length from the epoch, except <c>1w</c>, which aligns to
/// Monday 00:00 UTC as Binance and Bybit weekly klines do.
/// </summary>
public readonly record struct Timeframe : IComparable<Timeframe>
{
    public const long MinuteMs = 60_000;
    public const long HourMs = 60 * MinuteMs;
    public const long DayMs = 24 * HourMs;
    public const long WeekMs = 7 * DayMs;

    /// <summary>1970-01-05 00:00 UTC, the first Monday after the epoch (the epoch was a Thursday).</summary>
    public const long WeekAnchorMs = 4 * DayMs;

    public static readonly Timeframe M1 = new("1m", MinuteMs);
    public static readonly Timeframe M3 = new("3m", 3 * MinuteMs);
    public static readonly Timeframe M5 = new("5m", 5 * MinuteMs);
    public static readonly Timeframe M15 = new("15m", 15 * MinuteMs);
    public static readonly Timeframe M30 = new("30m", 30 * MinuteMs);
    public static readonly Timeframe H1 = new("1h", HourMs);
    public static readonly Timeframe H2 = new("2h", 2 * HourMs);
    public static readonly Timeframe H4 = new("4h", 4 * HourMs);
    public static readonly Timeframe H6 = new("6h", 6 * HourMs);
    public static readonly Timeframe H12 = new("12h", 12 * HourMs);
    public static readonly Timeframe D1 = new("1d", DayMs);
    public static readonly Timeframe W1 = new("1w", WeekMs);

    private static readonly Timeframe[] AllTimeframes = [M1, M3, M5, M15, M30, H1, H2, H4, H6, H12, D1, W1];

    private Timeframe(string name, long milliseconds)
    {
        Name = name;
        Milliseconds = milliseconds;
    }

    /// <summary>Canonical name, e.g. <c>1h</c>.</summary>
    public string Name { get; }

    /// <summary>Length of one bar in milliseconds.</summary>
    public long Milliseconds { get; }

    public TimeSpan Duration => TimeSpan.FromMilliseconds(Milliseconds);

    /// <summary>Same length and name (ordinal); the length is compared first, then the name (usually the same string instance).</summary>
    public bool Equals(Timeframe other) =>
        Milliseconds == other.Milliseconds && (ReferenceEquals(Name, other.Name) || string.Equals(Name, other.Name, StringComparison.Ordinal));

    /// <summary>The hash of the length alone (each length has one name): no string hashing in per-bar dictionary lookups.</summary>
    public override int GetHashCode() => Milliseconds.GetHashCode();

    /// <summary>Every supported timeframe, shortest first.</summary>
    public static IReadOnlyList<Timeframe> All => AllTimeframes;

    /// <summary>The anchor the bar grid is aligned to (0, or the first Monday for weekly bars).</summary>
    public long AnchorMs => Milliseconds == WeekMs ? WeekAnchorMs : 0;

    /// <summary>Open time of the bar that contains <paramref name="timestampMs"/>.</summary>
    public long AlignDown(long timestampMs) => AnchorMs + (FloorDiv(timestampMs - AnchorMs, Milliseconds) * Milliseconds);

    /// <summary>True if <paramref name="timestampMs"/> is a valid bar open time for this timeframe.</summary>
    public bool IsAligned(long timestampMs) => AlignDown(timestampMs) == timestampMs;

    /// <summary>Close time (exclusive end) of the bar opened at <paramref name="openTimeMs"/>.</summary>
    public long CloseTime(long openTimeMs) => openTimeMs + Milliseconds;

    /// <summary>
    /// True if a bar of this timeframe is made of whole bars of <paramref name="lower"/> on the same grid
    /// (a timeframe is a multiple of itself). The grids' anchors are compared to each other, so
    /// <c>1w</c> (anchored on Monday) is a multiple of <c>1w</c> and of <c>1d</c>.
    /// </summary>
    public bool IsMultipleOf(Timeframe lower) =>
        lower.Milliseconds <= Milliseconds && Milliseconds % lower.Milliseconds == 0 && (AnchorMs - lower.AnchorMs) % lower.Milliseconds == 0;

    public static Timeframe Parse(string text) =>
        TryParse(text, out var timeframe)
            ? timeframe
            : throw new FormatException(
                $"unknown timeframe '{text}' (allowed: {string.Join(" ", AllTimeframes.Select(t => t.Name))})");

    public static bool TryParse([NotNullWhen(true)] string? text, out Timeframe timeframe)
    {
        var trimmed = text?.Trim();
        foreach (var candidate in AllTimeframes)
        {
            // "1M" would mean a month on the exchanges, so only the minute suffix is case-sensitive.
            if (string.Equals(candidate.Name, trimmed, StringComparison.Ordinal) ||
                (candidate.Name[^1] != 'm' && string.Equals(candidate.Name, trimmed, StringComparison.OrdinalIgnoreCase)))
            {
                timeframe = candidate;
                return true;
            }
        }

        timeframe = default;
        return false;
    }

    /// <summary>The timeframe whose length is exactly <paramref name="milliseconds"/>, if any.</summary>
    public static bool TryFromMilliseconds(long milliseconds, out Timeframe timeframe)
    {
        foreach (var candidate in AllTimeframes)
        {
            if (candidate.Milliseconds == milliseconds)
            {
                timeframe = candidate;
                return true;
            }
        }

        timeframe = default;
        return false;
    }

    public int CompareTo(Timeframe other) => Milliseconds.CompareTo(other.Milliseconds);

    public override string ToString() => Name ?? string.Empty;

    private static long FloorDiv(long value, long divisor)
    {
        var quotient = value / divisor;
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient;
    }
}
