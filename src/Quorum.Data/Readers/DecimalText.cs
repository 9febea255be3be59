using System.Globalization;
using System.Text;

namespace Quorum.Data.Readers;

/// <summary>Outcome of parsing a number from text.</summary>
internal enum NumberParseStatus
{
    Ok,
    Empty,
    Malformed,
    NotFinite,
    OutOfRange,
}

/// <summary>
/// Exact decimal parsing of ASCII/UTF-8 text: <c>[+-]digits[.digits][(e|E)[+-]digits]</c>, invariant
/// culture, no thousands separators, no surrounding spaces. Up to 19 significant digits are parsed
/// on a fast path into an exact mantissa and scale; longer numbers go through
/// <see cref="decimal.TryParse(string, NumberStyles, IFormatProvider, out decimal)"/>.
/// </summary>
internal static class DecimalText
{
    private const int MaxScale = 28;
    private const int MaxFastDigits = 19;

    public const string Expectation = "a decimal number such as 42314.5 or 5.657e-05";

    private static readonly ulong[] PowersOfTen =
    [
        1UL, 10UL, 100UL, 1_000UL, 10_000UL, 100_000UL, 1_000_000UL, 10_000_000UL, 100_000_000UL,
        1_000_000_000UL, 10_000_000_000UL, 100_000_000_000UL, 1_000_000_000_000UL, 10_000_000_000_000UL,
        100_000_000_000_000UL, 1_000_000_000_000_000UL, 10_000_000_000_000_000UL, 100_000_000_000_000_000UL,
        1_000_000_000_000_000_000UL, 10_000_000_000_000_000_000UL,
    ];

    private static readonly UInt128 MaxMantissa = (UInt128.One << 96) - 1;

    public static NumberParseStatus TryParse(ReadOnlySpan<byte> text, out decimal value)
    {
        value = 0m;
        if (text.IsEmpty)
        {
            return NumberParseStatus.Empty;
        }

        var i = 0;
        var negative = false;
        if (text[0] is (byte)'+' or (byte)'-')
        {
            negative = text[0] == (byte)'-';
            i++;
        }

        ulong mantissa = 0;
        var significantDigits = 0;
        var fractionDigits = 0;
        var anyDigit = false;
        var tooLong = false;

        for (; i < text.Length && IsDigit(text[i]); i++)
        {
            anyDigit = true;
            Accumulate(text[i], ref mantissa, ref significantDigits, ref tooLong);
        }

        if (i < text.Length && text[i] == (byte)'.')
        {
            i++;
            for (; i < text.Length && IsDigit(text[i]); i++)
            {
                anyDigit = true;
                fractionDigits++;
                Accumulate(text[i], ref mantissa, ref significantDigits, ref tooLong);
            }
        }

        if (!anyDigit)
        {
            return LooksNonFinite(text) ? NumberParseStatus.NotFinite : NumberParseStatus.Malformed;
        }

        var exponent = 0;
        if (i < text.Length && text[i] is (byte)'e' or (byte)'E')
        {
            i++;
            var exponentNegative = false;
            if (i < text.Length && text[i] is (byte)'+' or (byte)'-')
            {
                exponentNegative = text[i] == (byte)'-';
                i++;
            }

            var exponentDigits = 0;
            for (; i < text.Length && IsDigit(text[i]); i++)
            {
                exponentDigits++;
                if (exponent < 10_000)
                {
                    exponent = (exponent * 10) + (text[i] - '0');
                }
            }

            if (exponentDigits == 0)
            {
                return NumberParseStatus.Malformed;
            }

            exponent = exponentNegative ? -exponent : exponent;
        }

        if (i != text.Length)
        {
            return NumberParseStatus.Malformed;
        }

        if (tooLong)
        {
            return decimal.TryParse(Encoding.ASCII.GetString(text), NumberStyles.Float, CultureInfo.InvariantCulture, out value)
                ? NumberParseStatus.Ok
                : NumberParseStatus.OutOfRange;
        }

        var scale = fractionDigits - exponent;
        UInt128 wide = mantissa;
        if (mantissa == 0)
        {
            value = 0m;
            return NumberParseStatus.Ok;
        }

        while (scale > MaxScale && wide % 10 == 0)
        {
            wide /= 10;
            scale--;
        }

        if (scale > MaxScale)
        {
            return NumberParseStatus.OutOfRange;
        }

        while (scale < 0)
        {
            wide *= 10;
            scale++;
            if (wide > MaxMantissa)
            {
                return NumberParseStatus.OutOfRange;
            }
        }

        value = new decimal((int)(uint)wide, (int)(uint)(wide >> 32), (int)(uint)(wide >> 64), negative, (byte)scale);
        return NumberParseStatus.Ok;
    }

    /// <summary>Parses an integer written either plainly or as an integral decimal (<c>1609459200000</c>, <c>1.6094592e12</c>).</summary>
    public static NumberParseStatus TryParseInteger(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        var status = TryParse(text, out var number);
        if (status != NumberParseStatus.Ok)
        {
            return status;
        }

        if (decimal.Truncate(number) != number)
        {
            return NumberParseStatus.Malformed;
        }

        if (number is < long.MinValue or > long.MaxValue)
        {
            return NumberParseStatus.OutOfRange;
        }

        value = (long)number;
        return NumberParseStatus.Ok;
    }

    /// <summary>A human description of why <paramref name="status"/> is not a valid number.</summary>
    public static string Describe(NumberParseStatus status) => status switch
    {
        NumberParseStatus.Empty => "is empty (expected " + Expectation + ")",
        NumberParseStatus.NotFinite => "is not a finite number (NaN and Infinity are not allowed; expected " + Expectation + ")",
        NumberParseStatus.OutOfRange => "cannot be represented exactly as a decimal (at most 28 decimal places and 28 significant digits)",
        _ => "is not a number (expected " + Expectation + ", invariant culture, no thousands separators)",
    };

    private static void Accumulate(byte digit, ref ulong mantissa, ref int significantDigits, ref bool tooLong)
    {
        if (mantissa == 0 && digit == (byte)'0')
        {
            return;
        }

        if (significantDigits < MaxFastDigits)
        {
            mantissa = (mantissa * 10) + (ulong)(digit - '0');
            significantDigits++;
        }
        else
        {
            tooLong = true;
        }
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    private static bool LooksNonFinite(ReadOnlySpan<byte> text)
    {
        var body = text;
        if (!body.IsEmpty && body[0] is (byte)'+' or (byte)'-')
        {
            body = body[1..];
        }

        return Ascii.EqualsIgnoreCase(body, "nan"u8) || Ascii.EqualsIgnoreCase(body, "inf"u8) ||
               Ascii.EqualsIgnoreCase(body, "infinity"u8) || body.SequenceEqual("∞"u8);
    }

    internal static ulong PowerOfTen(int exponent) => PowersOfTen[exponent];
}
