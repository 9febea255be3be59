using System.Globalization;
using System.Text;

namespace Quorum.Data.Readers;

/// <summary>
/// Parses bar and funding times into UTC milliseconds since the epoch.
/// <list type="bullet">
/// <item>Epoch integers: the unit is taken from the magnitude of each value: below 10^11 seconds,
/// below 10^14 milliseconds, below 10^17 microseconds (Binance spot files since 2025), otherwise
/// nanoseconds.</item>
/// <item>ISO-8601 style text: <c>2020-01-01</c>, <c>2020-01-01 00:00</c>, <c>2020-01-01T00:00:00.015Z</c>,
/// <c>2020-01-01 00:00:00+00:00</c>, <c>2021-12-31 23:01:00.000000</c>, and the CryptoDataDownload
/// 12-hour form <c>2019-10-17 09-AM</c>. Text without an offset is local time at the offset the
/// caller gives (UTC for bars).</item>
/// </list>
/// Times are whole milliseconds: a fraction with non-zero sub-millisecond digits is rejected.
/// </summary>
internal static class TimestampText
{
    public const string Expectation =
        "a UTC time such as 2020-01-01 00:00:00, 2020-01-01T00:00:00Z, 2020-01-01 00:00:00+00:00 or epoch seconds/milliseconds/microseconds";

    private const long SecondsLimit = 100_000_000_000L;
    private const long MillisecondsLimit = 100_000_000_000_000L;
    private const long MicrosecondsLimit = 100_000_000_000_000_000L;
    private const long MinuteMs = 60_000;
    private const long HourMs = 60 * MinuteMs;
    private const long DayMs = 24 * HourMs;

    private static readonly int UnixEpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    /// <summary>True when the text starts like an ISO date (<c>yyyy-</c>).</summary>
    public static bool LooksLikeIsoDate(ReadOnlySpan<byte> text) =>
        text.Length >= 10 && IsDigit(text[0]) && IsDigit(text[1]) && IsDigit(text[2]) && IsDigit(text[3]) && text[4] == (byte)'-';

    /// <summary>True when the text is an ISO date or a non-negative integral number (the two accepted time shapes).</summary>
    public static bool LooksLikeTime(ReadOnlySpan<byte> text) =>
        LooksLikeIsoDate(text) || (DecimalText.TryParseInteger(text, out var value) == NumberParseStatus.Ok && value >= 0);

    /// <summary>Parses either shape. Returns null on success, else why the text is not a time.</summary>
    public static string? TryParse(ReadOnlySpan<byte> text, TimeSpan offsetWhenUnspecified, out long utcMs, bool floorToMillisecond = false)
    {
        if (LooksLikeIsoDate(text))
        {
            return TryParseIso(text, offsetWhenUnspecified, out utcMs);
        }

        utcMs = 0;
        var status = DecimalText.TryParseInteger(text, out var epoch);
        if (status != NumberParseStatus.Ok)
        {
            return status == NumberParseStatus.Empty ? "is empty (expected " + Expectation + ")" : "is not a time (expected " + Expectation + ")";
        }

        return TryEpochToMilliseconds(epoch, out utcMs, floorToMillisecond);
    }

    /// <summary>Converts an epoch integer in seconds, ms, µs or ns (chosen by magnitude) to ms.</summary>
    public static string? TryEpochToMilliseconds(long epoch, out long utcMs, bool floorToMillisecond = false)
    {
        utcMs = 0;
        if (epoch < 0)
        {
            return "is a negative epoch time (expected a time after 1970-01-01)";
        }

        long divisor;
        if (epoch < SecondsLimit)
        {
            utcMs = epoch * 1000;
            return null;
        }
        else if (epoch < MillisecondsLimit)
        {
            utcMs = epoch;
            return null;
        }
        else if (epoch < MicrosecondsLimit)
        {
            divisor = 1000;
        }
        else
        {
            divisor = 1_000_000;
        }

        if (!floorToMillisecond && epoch % divisor != 0)
        {
            return divisor == 1000
                ? "is an epoch time in microseconds that is not a whole millisecond (times are whole milliseconds)"
                : "is an epoch time in nanoseconds that is not a whole millisecond (times are whole milliseconds)";
        }

        utcMs = epoch / divisor;
        return null;
    }

    /// <summary>Formats a UTC ms time for messages: <c>2020-01-01 00:00:00 UTC (1577836800000)</c>.</summary>
    public static string Format(long utcMs)
    {
        if (utcMs < DateTimeOffset.MinValue.ToUnixTimeMilliseconds() || utcMs > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            return utcMs.ToString(CultureInfo.InvariantCulture);
        }

        var time = DateTimeOffset.FromUnixTimeMilliseconds(utcMs).UtcDateTime;
        var text = time.ToString(utcMs % 1000 == 0 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
        return $"{text} UTC ({utcMs.ToString(CultureInfo.InvariantCulture)})";
    }

    private static string? TryParseIso(ReadOnlySpan<byte> text, TimeSpan offsetWhenUnspecified, out long utcMs)
    {
        utcMs = 0;
        const string Bad = "is not a valid time (expected " + Expectation + ")";
        if (text.Length < 10 || text[7] != (byte)'-' ||
            !TryDigits(text, 0, 4, out var year) || !TryDigits(text, 5, 2, out var month) || !TryDigits(text, 8, 2, out var day))
        {
            return Bad;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return "is not a valid calendar date (expected " + Expectation + ")";
        }

        int hour = 0, minute = 0, second = 0, millisecond = 0;
        var i = 10;
        var explicitOffsetMs = (long?)null;
        if (i < text.Length && text[i] is (byte)'T' or (byte)'t' or (byte)' ')
        {
            i++;
            if (!TryDigits(text, i, 2, out hour))
            {
                return Bad;
            }

            i += 2;
            if (i + 3 <= text.Length && text[i] == (byte)'-' && IsMeridiem(text.Slice(i + 1, 2), out var pm))
            {
                // CryptoDataDownload: "2019-10-17 09-AM".
                if (hour is < 1 or > 12)
                {
                    return "has a 12-hour clock hour outside 01-12 (expected e.g. 2019-10-17 09-AM)";
                }

                hour = (hour % 12) + (pm ? 12 : 0);
                i += 3;
            }
            else if (i < text.Length && text[i] == (byte)':')
            {
                if (!TryDigits(text, i + 1, 2, out minute))
                {
                    return Bad;
                }

                i += 3;
                if (i < text.Length && text[i] == (byte)':')
                {
                    if (!TryDigits(text, i + 1, 2, out second))
                    {
                        return Bad;
                    }

                    i += 3;
                    if (i < text.Length && text[i] is (byte)'.' or (byte)',')
                    {
                        i++;
                        var start = i;
                        for (; i < text.Length && IsDigit(text[i]); i++)
                        {
                            var position = i - start;
                            if (position < 3)
                            {
                                millisecond = (millisecond * 10) + (text[i] - '0');
                            }
                            else if (text[i] != (byte)'0')
                            {
                                return "has sub-millisecond precision (times are whole milliseconds)";
                            }
                        }

                        var fractionLength = i - start;
                        if (fractionLength == 0)
                        {
                            return Bad;
                        }

                        for (var pad = fractionLength; pad < 3; pad++)
                        {
                            millisecond *= 10;
                        }
                    }
                }
            }
            else
            {
                return Bad;
            }

            if (hour > 23 || minute > 59 || second > 59)
            {
                return "has an hour, minute or second out of range (expected " + Expectation + ")";
            }
        }

        if (i < text.Length && text[i] == (byte)' ')
        {
            i++;
        }

        if (i < text.Length)
        {
            var zone = text[i..];
            if (zone.SequenceEqual("Z"u8) || zone.SequenceEqual("z"u8) || zone.SequenceEqual("UTC"u8))
            {
                explicitOffsetMs = 0;
            }
            else if (zone[0] is (byte)'+' or (byte)'-')
            {
                var sign = zone[0] == (byte)'-' ? -1 : 1;
                if (!TryParseOffset(zone[1..], out var offsetHours, out var offsetMinutes))
                {
                    return "has an invalid UTC offset (expected Z, +00:00 or +0000)";
                }

                if (offsetHours > 14 || offsetMinutes > 59)
                {
                    return "has a UTC offset out of range (expected -14:00 to +14:00)";
                }

                explicitOffsetMs = sign * ((offsetHours * HourMs) + (offsetMinutes * MinuteMs));
            }
            else
            {
                return Bad;
            }
        }

        var days = (long)(new DateOnly(year, month, day).DayNumber - UnixEpochDayNumber);
        var localMs = (days * DayMs) + (hour * HourMs) + (minute * MinuteMs) + (second * 1000L) + millisecond;
        utcMs = localMs - (explicitOffsetMs ?? (long)offsetWhenUnspecified.TotalMilliseconds);
        return utcMs < 0 ? "is before 1970-01-01 UTC (expected a time after the Unix epoch)" : null;
    }

    private static bool TryParseOffset(ReadOnlySpan<byte> digits, out int hours, out int minutes)
    {
        hours = 0;
        minutes = 0;
        switch (digits.Length)
        {
            case 2:
                return TryDigits(digits, 0, 2, out hours);
            case 4:
                return TryDigits(digits, 0, 2, out hours) && TryDigits(digits, 2, 2, out minutes);
            case 5:
                return digits[2] == (byte)':' && TryDigits(digits, 0, 2, out hours) && TryDigits(digits, 3, 2, out minutes);
            default:
                return false;
        }
    }

    private static bool IsMeridiem(ReadOnlySpan<byte> text, out bool pm)
    {
        pm = Ascii.EqualsIgnoreCase(text, "PM"u8);
        return pm || Ascii.EqualsIgnoreCase(text, "AM"u8);
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        if (start < 0 || start + count > text.Length)
        {
            return false;
        }

        for (var k = start; k < start + count; k++)
        {
            if (!IsDigit(text[k]))
            {
                return false;
            }

            value = (value * 10) + (text[k] - '0');
        }

        return true;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}
