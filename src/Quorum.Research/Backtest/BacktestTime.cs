using System.Globalization;

namespace Quorum.Research.Backtest;

/// <summary>How backtest times are parsed from and written for people: UTC, ISO 8601.</summary>
public static class BacktestTime
{
    private static readonly string[] Formats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm'Z'"];

    /// <summary><c>2024-01-01T00:00:00Z</c>.</summary>
    public static string Format(long utcMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(utcMs).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Parses <c>yyyy-MM-dd</c> or <c>yyyy-MM-ddTHH:mm</c> (UTC); throws <see cref="ArgumentException"/> naming <paramref name="option"/>.</summary>
    public static long Parse(string text, string option) =>
        DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time.ToUnixTimeMilliseconds()
            : throw new ArgumentException($"{option} '{text}' is not a UTC time in the form yyyy-MM-dd or yyyy-MM-ddTHH:mm");
}
