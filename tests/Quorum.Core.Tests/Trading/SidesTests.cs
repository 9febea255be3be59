using Quorum.Core.Trading;

namespace Quorum.Core.Tests.Trading;

public sealed class SidesTests
{
    [Theory]
    [InlineData(PositionSide.Long, "LONG", 1, OrderSide.Buy, OrderSide.Sell)]
    [InlineData(PositionSide.Short, "SHORT", -1, OrderSide.Sell, OrderSide.Buy)]
    public void PositionSide_MapsToSeedTextSignAndOrderSides(PositionSide side, string text, int sign, OrderSide entry, OrderSide exit)
    {
        side.ToSeedText().ShouldBe(text);
        side.Sign().ShouldBe(sign);
        side.EntrySide().ShouldBe(entry);
        side.ExitSide().ShouldBe(exit);
        entry.OpensPositionSide().ShouldBe(side);
        side.Opposite().Opposite().ShouldBe(side);
        side.Opposite().ShouldNotBe(side);
    }

    [Theory]
    [InlineData("LONG", PositionSide.Long)]
    [InlineData("long", PositionSide.Long)]
    [InlineData(" Short ", PositionSide.Short)]
    public void ParsePositionSide_SeedWordingAnyCase_Parses(string text, PositionSide expected)
    {
        var side = PositionSideExtensions.ParsePositionSide(text);

        side.ShouldBe(expected);
    }

    [Theory]
    [InlineData("BUY")]
    [InlineData("")]
    [InlineData("L")]
    public void ParsePositionSide_OtherText_ThrowsNamingTextAndAllowed(string text)
    {
        var error = Should.Throw<FormatException>(() => PositionSideExtensions.ParsePositionSide(text));

        error.Message.ShouldContain($"'{text}'");
        error.Message.ShouldContain("LONG, SHORT");
    }

    [Fact]
    public void OrderSide_SignAndOpposite()
    {
        OrderSide.Buy.Sign().ShouldBe(1);
        OrderSide.Sell.Sign().ShouldBe(-1);
        OrderSide.Buy.Opposite().ShouldBe(OrderSide.Sell);
        OrderSide.Sell.Opposite().ShouldBe(OrderSide.Buy);
    }

    [Fact]
    public void UndefinedSide_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => ((PositionSide)7).Sign()).Message.ShouldContain("unknown position side 7");
        Should.Throw<ArgumentOutOfRangeException>(() => ((OrderSide)7).Opposite()).Message.ShouldContain("unknown order side 7");
    }
}
