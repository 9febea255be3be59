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
/// culture, no thousands separators, no surrounding spaces. The result is always exact: a number that
/// needs more than 28 decimal places (after dropping trailing zeros) or a mantissa above 2^96 - 1 is
/// <see cref="NumberParseStatus.OutOfRange"/>, never rounded. Up to 19 significant digits are
/// accumulated on a fast 64-bit path; longer numbers on a 128-bit one.
/// </summary>
internal static class DecimalText
{
    private const int MaxScale = 28;
    private const int MaxFastDigits = 19;

    /// <summary>Significant digits of the largest decimal mantissa, 2^96 - 1 = 79228162514264337593543950335.</summary>
    private const int MaxSignificantDigits = 29;

    public const string Expectation = "a decimal number such as 42314.5 or 5.657e-05";

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

        var digitsStart = i;
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

        var digits = text[digitsStart..i];
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

        var scale = fractionDigits - exponent;
        return tooLong
            ? ComposeLong(digits, scale, negative, out value)
            : Compose(mantissa, scale, negative, out value);
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
        NumberParseStatus.OutOfRange => "cannot be represented exactly as a decimal (at most 28 decimal places and a magnitude below 7.9e28; values are never rounded)",
        _ => "is not a number (expected " + Expectation + ", invariant culture, no thousands separators)",
    };

    /// <summary>The decimal <paramref name="mantissa"/> × 10^-<paramref name="scale"/>, exactly, or why it is not representable.</summary>
    private static NumberParseStatus Compose(UInt128 mantissa, int scale, bool negative, out decimal value)
    {
        value = 0m;
        if (mantissa == 0)
        {
            return NumberParseStatus.Ok;
        }

        while (scale > MaxScale && mantissa % 10 == 0)
        {
            mantissa /= 10;
            scale--;
        }

        if (scale > MaxScale)
        {
            return NumberParseStatus.OutOfRange;
        }

        while (scale < 0)
        {
            mantissa *= 10;
            scale++;
            if (mantissa > MaxMantissa)
            {
                return NumberParseStatus.OutOfRange;
            }
        }

        if (mantissa > MaxMantissa)
        {
            return NumberParseStatus.OutOfRange;
        }

        value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), (int)(uint)(mantissa >> 64), negative, (byte)scale);
        return NumberParseStatus.Ok;
    }

    /// <summary>
    /// The slow path for more than <see cref="MaxFastDigits"/> significant digits (<paramref name="digits"/>:
    /// the integer and fraction digits with the decimal point). Trailing zeros are set aside first, so
    /// <c>1.000…0</c> with 40 zeros is exact; more than <see cref="MaxSignificantDigits"/> other
    /// significant digits can never fit the 96-bit mantissa. Nothing is ever rounded.
    /// </summary>
    private static NumberParseStatus ComposeLong(ReadOnlySpan<byte> digits, int scale, bool negative, out decimal value)
    {
        value = 0m;
        UInt128 mantissa = 0;
        var significantDigits = 0;
        var trailingZeros = 0;
        foreach (var c in digits)
        {
            if (c == (byte)'.')
            {
                continue;
            }

            if (c == (byte)'0')
            {
                trailingZeros += significantDigits > 0 ? 1 : 0;
                continue;
            }

            significantDigits += trailingZeros + 1;
            if (significantDigits > MaxSignificantDigits)
            {
                return NumberParseStatus.OutOfRange;
            }

            for (; trailingZeros > 0; trailingZeros--)
            {
                mantissa *= 10;
            }

            mantissa = (mantissa * 10) + (uint)(c - '0');
        }

        // The value is mantissa × 10^-(scale - trailingZeros); put back as many written trailing zeros as fit.
        scale -= trailingZeros;
        for (; trailingZeros > 0 && scale < MaxScale && mantissa * 10 <= MaxMantissa; trailingZeros--)
        {
            mantissa *= 10;
            scale++;
        }

        return Compose(mantissa, scale, negative, out value);
    }

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
}
