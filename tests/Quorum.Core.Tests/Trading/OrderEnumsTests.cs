using Quorum.Core.Trading;

namespace Quorum.Core.Tests.Trading;

public sealed class OrderEnumsTests
{
    [Theory]
    [InlineData(OrderStatus.Filled, true)]
    [InlineData(OrderStatus.Canceled, true)]
    [InlineData(OrderStatus.Rejected, true)]
    [InlineData(OrderStatus.Expired, true)]
    [InlineData(OrderStatus.New, false)]
    [InlineData(OrderStatus.Submitted, false)]
    [InlineData(OrderStatus.Accepted, false)]
    [InlineData(OrderStatus.PartiallyFilled, false)]
    [InlineData(OrderStatus.Unknown, false)]
    public void IsTerminal_OnlyForFinalStatuses(OrderStatus status, bool terminal)
    {
        status.IsTerminal().ShouldBe(terminal);
    }

    [Theory]
    [InlineData(OrderType.Market, false, false)]
    [InlineData(OrderType.Limit, true, false)]
    [InlineData(OrderType.StopMarket, false, true)]
    [InlineData(OrderType.StopLimit, true, true)]
    [InlineData(OrderType.TakeProfitMarket, false, true)]
    [InlineData(OrderType.TakeProfitLimit, true, true)]
    public void OrderType_DeclaresWhichPricesItNeeds(OrderType type, bool limitPrice, bool triggerPrice)
    {
        type.HasLimitPrice().ShouldBe(limitPrice);
        type.HasTriggerPrice().ShouldBe(triggerPrice);
    }

    [Theory]
    [InlineData("o-1", true)]
    [InlineData("Q_20210101_BTC-0001", true)]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789", true)] // 36 chars
    [InlineData("abcdefghijklmnopqrstuvwxyz01234567890", false)] // 37 chars
    [InlineData("", false)]
    [InlineData("has space", false)]
    [InlineData("dot.id", false)]
    public void ClientOrderId_AcceptsOnlyIdsBothVenuesAccept(string id, bool valid)
    {
        ClientOrderId.IsValid(id).ShouldBe(valid);
    }

    [Fact]
    public void ClientOrderId_Invalid_ThrowsNamingIdAndRule()
    {
        var error = Should.Throw<ArgumentException>(() => ClientOrderId.Validate("bad id"));

        error.Message.ShouldContain("'bad id'");
        error.Message.ShouldContain("1–36 characters");
    }
}
