namespace Quorum.Core.Trading;

/// <summary>Which prices an <see cref="OrderType"/> needs.</summary>
public static class OrderTypeExtensions
{
    /// <summary>True for types that carry a limit price: <c>Limit</c>, <c>StopLimit</c>, <c>TakeProfitLimit</c>.</summary>
    public static bool HasLimitPrice(this OrderType type) =>
        type is OrderType.Limit or OrderType.StopLimit or OrderType.TakeProfitLimit;

    /// <summary>True for types that wait for a trigger (stop) price: stops and take-profits.</summary>
    public static bool HasTriggerPrice(this OrderType type) =>
        type is OrderType.StopMarket or OrderType.StopLimit or OrderType.TakeProfitMarket or OrderType.TakeProfitLimit;
}
