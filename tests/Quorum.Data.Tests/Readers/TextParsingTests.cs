using System.Globalization;
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
