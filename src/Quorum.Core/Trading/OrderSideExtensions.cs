namespace Quorum.Core.Trading;

/// <summary>Helpers for <see cref="OrderSide"/>.</summary>
public static class OrderSideExtensions
{
    /// <summary>+1 for buy, −1 for sell: the sign of the position change a fill of this side makes.</summary>
    public static int Sign(this OrderSide side) => side switch
    {
        OrderSide.Buy => 1,
        OrderSide.Sell => -1,
        _ => throw UnknownSide(side),
    };

    public static OrderSide Opposite(this OrderSide side) => side switch
    {
        OrderSide.Buy => OrderSide.Sell,
        OrderSide.Sell => OrderSide.Buy,
        _ => throw UnknownSide(side),
    };

    /// <summary>The position side an order of this side opens: buy → long, sell → short.</summary>
    public static PositionSide OpensPositionSide(this OrderSide side) => side switch
    {
        OrderSide.Buy => PositionSide.Long,
        OrderSide.Sell => PositionSide.Short,
        _ => throw UnknownSide(side),
    };

    private static ArgumentOutOfRangeException UnknownSide(OrderSide side) =>
        new(nameof(side), side, $"unknown order side {(int)side} (allowed: Buy, Sell)");
}
