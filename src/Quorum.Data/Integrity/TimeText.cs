using System.Globalization;
using Quorum.Core.Time;

namespace Quorum.Data.Integrity;

/// <summary>Formats UTC millisecond timestamps and durations for messages and reports.</summary>
internal static class TimeText
{
    /// <summary><c>2021-04-25 04:05</c>; seconds and milliseconds are shown only when present.</summary>
    public static string Utc(long timestampMs)
    {
        var time = DateTimeOffset.FromUnixTimeMilliseconds(timestampMs).UtcDateTime;
        var format = (timestampMs % 60_000) switch
        {
            0 => "yyyy-MM-dd HH:mm",
            var rest when rest % 1000 == 0 => "yyyy-MM-dd HH:mm:ss",
            _ => "yyyy-MM-dd HH:mm:ss.fff",
        };
        return time.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>ISO 8601 UTC, e.g. <c>2021-04-25T04:05:00Z</c> (for JSON).</summary>
    public static string Iso(long timestampMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(timestampMs).UtcDateTime
            .ToString(timestampMs % 1000 == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// A range of open times: <c>2021-04-25 04:05 → 08:40 UTC</c> on one day,
    /// <c>2020-12-21 14:10 → 2020-12-22 01:00 UTC</c> across days, <c>2020-12-25 02:00 UTC</c> for one bar.
    /// </summary>
    public static string Range(long firstMs, long lastMs)
    {
        if (firstMs == lastMs)
        {
            return Utc(firstMs) + " UTC";
        }

        var first = Utc(firstMs);
        var last = Utc(lastMs);
        var sameDay = first.Length >= 10 && last.Length >= 10 && string.CompareOrdinal(first, 0, last, 0, 10) == 0;
        return $"{first} → {(sameDay ? last[11..] : last)} UTC";
    }

    /// <summary>A duration as a timeframe name when it is one (<c>5m</c>), otherwise compact units (<c>1h30m</c>, <c>90s</c>).</summary>
    public static string Duration(long milliseconds)
    {
        if (Timeframe.TryFromMilliseconds(milliseconds, out var timeframe))
        {
            return timeframe.Name;
        }

        if (milliseconds <= 0)
        {
            return milliseconds.ToString(CultureInfo.InvariantCulture) + "ms";
        }

        var parts = new List<string>(5);
        var rest = milliseconds;
        Append(ref rest, Timeframe.DayMs, "d", parts);
        Append(ref rest, Timeframe.HourMs, "h", parts);
        Append(ref rest, Timeframe.MinuteMs, "m", parts);
        Append(ref rest, 1000, "s", parts);
        Append(ref rest, 1, "ms", parts);
        return string.Concat(parts);
    }

    private static void Append(ref long rest, long unit, string suffix, List<string> parts)
    {
        if (rest >= unit)
        {
            parts.Add((rest / unit).ToString(CultureInfo.InvariantCulture) + suffix);
            rest %= unit;
        }
    }
}
