using System.Globalization;
using System.Numerics;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Quorum.Data.Readers;

namespace Quorum.Data.Tests.Readers;

public sealed class TextParsingTests
{
    [Theory]
    [InlineData("42314.0", "42314.0")]
    [InlineData("5.657e-05", "0.00005657")]
    [InlineData("5.657E+02", "565.7")]
    [InlineData("-0.00012359", "-0.00012359")]
    [InlineData("+7", "7")]
    [InlineData(".5", "0.5")]
    [InlineData("5.", "5")]
    [InlineData("42625316.299999997", "42625316.299999997")]
    [InlineData("0.1234567890123456789012345678", "0.1234567890123456789012345678")]
    [InlineData("1e-28", "0.0000000000000000000000000001")]
    [InlineData("1000e-30", "0.000000000000000000000000001")]
    public void TryParse_ValidText_IsExact(string text, string expected)
    {
        DecimalText.TryParse(Encoding.ASCII.GetBytes(text), out var value).ShouldBe(NumberParseStatus.Ok);

        value.ShouldBe(decimal.Parse(expected, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("", nameof(NumberParseStatus.Empty))]
    [InlineData("abc", nameof(NumberParseStatus.Malformed))]
    [InlineData("1,5", nameof(NumberParseStatus.Malformed))]
    [InlineData("1e", nameof(NumberParseStatus.Malformed))]
    [InlineData("1.2.3", nameof(NumberParseStatus.Malformed))]
    [InlineData(" 1", nameof(NumberParseStatus.Malformed))]
    [InlineData("NaN", nameof(NumberParseStatus.NotFinite))]
    [InlineData("-Infinity", nameof(NumberParseStatus.NotFinite))]
    [InlineData("1e-29", nameof(NumberParseStatus.OutOfRange))]
    [InlineData("1e29", nameof(NumberParseStatus.OutOfRange))]
    public void TryParse_InvalidText_ReportsWhy(string text, string expected)
    {
        DecimalText.TryParse(Encoding.UTF8.GetBytes(text), out _).ToString().ShouldBe(expected);
    }

    [Theory]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    [InlineData("7922816251426433759354395033.5", "7922816251426433759354395033.5")]
    [InlineData("1.00000000000000000000000000000000000000", "1")]
    [InlineData("0.10000000000000000000000000000000000000", "0.1")]
    [InlineData("12345678901234567890.5e-10", "1234567890.12345678905")]
    [InlineData("100000000000000000000e-48", "0.0000000000000000000000000001")]
    public void TryParse_MoreThan19SignificantDigits_IsExact(string text, string expected)
    {
        DecimalText.TryParse(Encoding.ASCII.GetBytes(text), out var value).ShouldBe(NumberParseStatus.Ok);

        value.ShouldBe(decimal.Parse(expected, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("9.9999999999999999999999999999")] // 29 nines: decimal.Parse rounds it to 10
    [InlineData("0.12345678901234567890123456789")] // 29 decimal places: decimal.Parse rounds the last one
    [InlineData("79228162514264337593543950336")] // 2^96
    [InlineData("123456789012345678901234567890")]
    [InlineData("9234567890123456789.0123456789e-10")] // 29 digits above 2^96, at any scale
    public void TryParse_WhenOnlyARoundedDecimalCouldHoldIt_IsOutOfRange(string text)
    {
        DecimalText.TryParse(Encoding.ASCII.GetBytes(text), out _).ShouldBe(NumberParseStatus.OutOfRange);
    }

    [Fact]
    public void TryParse_TrailingZerosWithinRange_KeepTheWrittenScale()
    {
        DecimalText.TryParse("1.00000000000000000000"u8, out var value).ShouldBe(NumberParseStatus.Ok);

        value.ToString(CultureInfo.InvariantCulture).ShouldBe("1.00000000000000000000");
    }

    /// <summary>
    /// Against an independent oracle (<see cref="BigInteger"/> arithmetic): any digit string of up to
    /// 70 digits with a decimal point parses to exactly its value when a decimal can hold that value
    /// (at most 28 places, mantissa below 2^96), and is otherwise out of range, never rounded.
    /// </summary>
    [Fact]
    public void TryParse_AnyDigitString_IsExactWhenRepresentableElseOutOfRange()
    {
        var texts = Gen.Choose(0, int.MaxValue).Select(seed =>
        {
            var random = new Random(seed);
            var digits = new StringBuilder();
            var integerDigits = random.Next(0, 32);
            var fractionDigits = random.Next(integerDigits == 0 ? 1 : 0, 38);
            for (var i = 0; i < integerDigits + fractionDigits; i++)
            {
                // Runs of zeros are common in prices ("42314.000000"), so make them likely.
                digits.Append(random.Next(3) == 0 ? '0' : (char)('0' + random.Next(10)));
            }

            return digits.Insert(integerDigits, '.').ToString();
        });

        Prop.ForAll(texts.ToArbitrary(), text =>
        {
            var status = DecimalText.TryParse(Encoding.ASCII.GetBytes(text), out var value);

            var mantissa = BigInteger.Parse("0" + text.Replace(".", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
            var scale = text.Length - text.IndexOf('.', StringComparison.Ordinal) - 1;
            while (scale > 0 && !mantissa.IsZero && mantissa % 10 == 0)
            {
                mantissa /= 10;
                scale--;
            }

            var representable = mantissa.IsZero || (scale <= 28 && mantissa < BigInteger.One << 96);
            if (!representable)
            {
                return status == NumberParseStatus.OutOfRange;
            }

            Span<int> bits = stackalloc int[4];
            decimal.GetBits(value, bits);
            var parsedMantissa = ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
            var parsedScale = (bits[3] >> 16) & 0xFF;
            return status == NumberParseStatus.Ok &&
                   parsedMantissa * BigInteger.Pow(10, scale) == mantissa * BigInteger.Pow(10, parsedScale);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void TryParse_AnyDecimalWrittenInvariantly_ParsesBackToTheSameValue()
    {
        var decimals = Gen.Choose(0, int.MaxValue).Select(seed =>
        {
            var random = new Random(seed);
            var scale = (byte)random.Next(0, 29);
            return new decimal(random.Next(), random.Next(), random.Next(0, 1 << random.Next(1, 31)), random.Next(2) == 0, scale);
        });

        Prop.ForAll(decimals.ToArbitrary(), value =>
        {
            var text = value.ToString(CultureInfo.InvariantCulture);
            return DecimalText.TryParse(Encoding.ASCII.GetBytes(text), out var parsed) == NumberParseStatus.Ok && parsed == value;
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("2020-01-01", 1_577_836_800_000)]
    [InlineData("2020-01-01 00:00:00+00:00", 1_577_836_800_000)]
    [InlineData("2020-01-01T03:00:00+03:00", 1_577_836_800_000)]
    [InlineData("2019-12-31T21:00:00-0300", 1_577_836_800_000)]
    [InlineData("2020-01-01T00:00:00.015Z", 1_577_836_800_015)]
    [InlineData("2020-01-01 00:00:00.1", 1_577_836_800_100)]
    [InlineData("2021-12-31 23:01:00.000000", 1_640_991_660_000)]
    [InlineData("2020-01-01 12-AM", 1_577_836_800_000)]
    [InlineData("2020-01-01 12-PM", 1_577_880_000_000)]
    [InlineData("2020-01-01 01-PM", 1_577_883_600_000)]
    [InlineData("1577836800", 1_577_836_800_000)]
    [InlineData("1577836800000", 1_577_836_800_000)]
    [InlineData("1577836800000000", 1_577_836_800_000)]
    [InlineData("1577836800000000000", 1_577_836_800_000)]
    public void TryParse_Time_GivesUtcMilliseconds(string text, long expected)
    {
        TimestampText.TryParse(Encoding.ASCII.GetBytes(text), TimeSpan.Zero, out var ms).ShouldBeNull();

        ms.ShouldBe(expected);
    }

    [Fact]
    public void TryParse_TimeWithoutOffset_UsesTheGivenLocalOffset()
    {
        TimestampText.TryParse("2023-01-08 03:00:00.015"u8, TimeSpan.FromHours(3), out var ms).ShouldBeNull();

        ms.ShouldBe(1_673_136_000_015);
    }

    [Theory]
    [InlineData("2020-02-30")]
    [InlineData("2020-01-01 13-PM")]
    [InlineData("2020-01-01T00:00:00.0001")]
    [InlineData("2020-01-01T00:00:00 EST")]
    [InlineData("-5")]
    [InlineData("1969-12-31 23:00:00")]
    public void TryParse_InvalidTime_ReturnsAReason(string text)
    {
        TimestampText.TryParse(Encoding.ASCII.GetBytes(text), TimeSpan.Zero, out _).ShouldNotBeNull();
    }
}
