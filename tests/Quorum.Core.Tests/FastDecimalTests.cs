using FsCheck;
using FsCheck.Fluent;

namespace Quorum.Core.Tests;

public sealed class FastDecimalTests
{
    /// <summary>Decimals of every kind: same-scale prices (the fast path), other scales, signs, zeros of any scale, and 96-bit mantissas.</summary>
    private static readonly Gen<decimal> Values = Gen.OneOf(
        Gen.Choose(-1_000_000, 1_000_000).SelectMany(units => Gen.Choose(0, 8).Select(scale => new decimal(Math.Abs(units), 0, 0, units < 0, (byte)scale))),
        Gen.Choose(0, 3).Select(scale => new decimal(0, 0, 0, scale % 2 == 1, (byte)scale)),
        Gen.Choose(int.MinValue, int.MaxValue).SelectMany(lo => Gen.Choose(int.MinValue, int.MaxValue).SelectMany(mid =>
            Gen.Choose(0, 3).SelectMany(hi => Gen.Choose(0, 28).SelectMany(scale => Gen.Elements(true, false).Select(negative => new decimal(lo, mid, hi, negative, (byte)scale)))))));

    [Fact]
    public void LayoutIsKnown_OnThisRuntime()
    {
        FastDecimal.LayoutIsKnown.ShouldBeTrue("the fast path reads decimal fields in .NET's layout; without it every call falls back (correct, but slow)");
    }

    [Fact]
    public void Compare_AgreesWithDecimalCompare_ForAnyPair()
    {
        Prop.ForAll(Values.Zip(Values).ToArbitrary(), pair =>
        {
            var (a, b) = pair;
            var expected = Math.Sign(decimal.Compare(a, b));
            return FastDecimal.Compare(a, b) == expected &&
                   FastDecimal.Less(a, b) == (a < b) &&
                   FastDecimal.LessOrEqual(a, b) == (a <= b) &&
                   FastDecimal.IsPositive(a) == (a > 0m) &&
                   FastDecimal.IsNegative(a) == (a < 0m) &&
                   FastDecimal.IsZero(a) == (a == 0m);
        }).QuickCheckThrowOnFailure();
        foreach (var zero in new[] { 0m, 0.000m, -0m, new decimal(0, 0, 0, isNegative: true, scale: 5) })
        {
            FastDecimal.IsZero(zero).ShouldBeTrue($"{zero} with scale {zero.Scale}");
            FastDecimal.IsNegative(zero).ShouldBeFalse($"{zero} with scale {zero.Scale} (sign bit {decimal.IsNegative(zero)})");
            FastDecimal.IsPositive(zero).ShouldBeFalse($"{zero} with scale {zero.Scale}");
        }

        FastDecimal.IsZero(0.0001m).ShouldBeFalse();
        FastDecimal.IsZero(-0.0001m).ShouldBeFalse();
        FastDecimal.IsNegative(-0.0001m).ShouldBeTrue();
        FastDecimal.IsNegative(new decimal(0, 0, 1, isNegative: true, scale: 28)).ShouldBeTrue(); // only the high 32 bits set
        FastDecimal.IsZero(new decimal(0, 1, 0, isNegative: false, scale: 28)).ShouldBeFalse(); // only the middle 32 bits set
        FastDecimal.IsZero(new decimal(0, 0, 1, isNegative: true, scale: 0)).ShouldBeFalse(); // only the high 32 bits set
    }

    [Fact]
    public void MinAndMax_ReturnWhatMathReturns_ScaleIncluded()
    {
        // Equal values of different scales (1.5 and 1.50): which one is returned shows in printed prices, so it must be Math's choice.
        Prop.ForAll(Values.Zip(Values).ToArbitrary(), pair =>
        {
            var (a, b) = pair;
            return decimal.GetBits(FastDecimal.Min(a, b)).SequenceEqual(decimal.GetBits(Math.Min(a, b))) &&
                   decimal.GetBits(FastDecimal.Max(a, b)).SequenceEqual(decimal.GetBits(Math.Max(a, b)));
        }).QuickCheckThrowOnFailure();
        decimal.GetBits(FastDecimal.Min(1.5m, 1.50m)).ShouldBe(decimal.GetBits(Math.Min(1.5m, 1.50m)));
        decimal.GetBits(FastDecimal.Max(1.50m, 1.5m)).ShouldBe(decimal.GetBits(Math.Max(1.50m, 1.5m)));
    }

    [Theory]
    [InlineData("1.25", "1.25", true)]
    [InlineData("1.25", "1.250", false)] // equal values, different scale: not the same bits
    [InlineData("-0", "0", false)]
    [InlineData("3", "4", false)]
    public void SameBits_IsBitwiseEquality(string left, string right, bool expected)
    {
        var a = decimal.Parse(left, System.Globalization.CultureInfo.InvariantCulture);
        var b = decimal.Parse(right, System.Globalization.CultureInfo.InvariantCulture);

        FastDecimal.SameBits(a, b).ShouldBe(expected);
    }
}
