namespace Quorum.Core.Trading;

/// <summary>The side of an order, a fill, or the aggressor of a trade.</summary>
public enum OrderSide
{
    Buy,
    Sell,
}
