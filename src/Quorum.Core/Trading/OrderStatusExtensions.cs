namespace Quorum.Core.Trading;

/// <summary>Helpers for <see cref="OrderStatus"/>.</summary>
public static class OrderStatusExtensions
{
    /// <summary>True when the order can no longer fill or change: Filled, Canceled, Rejected, Expired.</summary>
    public static bool IsTerminal(this OrderStatus status) =>
        status is OrderStatus.Filled or OrderStatus.Canceled or OrderStatus.Rejected or OrderStatus.Expired;
}
