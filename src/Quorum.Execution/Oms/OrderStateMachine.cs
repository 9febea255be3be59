using Quorum.Core.Trading;

namespace Quorum.Execution.Oms;

/// <summary>
/// The allowed order status transitions:
/// New → Submitted; Submitted → Accepted | PartiallyFilled | Filled | Canceled | Rejected | Expired | Unknown;
/// Accepted → PartiallyFilled | Filled | Canceled | Expired; PartiallyFilled → PartiallyFilled | Filled | Canceled | Expired;
/// Unknown → Accepted | PartiallyFilled | Filled | Canceled | Rejected | Expired. Terminal states never change.
/// </summary>
public static class OrderStateMachine
{
    public static bool IsAllowed(OrderStatus from, OrderStatus to) => from switch
    {
        OrderStatus.New => to is OrderStatus.Submitted,
        OrderStatus.Submitted => to is OrderStatus.Accepted or OrderStatus.PartiallyFilled or OrderStatus.Filled or OrderStatus.Canceled
            or OrderStatus.Rejected or OrderStatus.Expired or OrderStatus.Unknown,
        OrderStatus.Accepted => to is OrderStatus.PartiallyFilled or OrderStatus.Filled or OrderStatus.Canceled or OrderStatus.Expired,
        OrderStatus.PartiallyFilled => to is OrderStatus.PartiallyFilled or OrderStatus.Filled or OrderStatus.Canceled or OrderStatus.Expired,
        OrderStatus.Unknown => to is OrderStatus.Accepted or OrderStatus.PartiallyFilled or OrderStatus.Filled or OrderStatus.Canceled
            or OrderStatus.Rejected or OrderStatus.Expired,
        _ => false,
    };

    /// <summary>Throws naming the order and both states when <paramref name="from"/> → <paramref name="to"/> is not allowed.</summary>
    public static void Check(string clientOrderId, OrderStatus from, OrderStatus to)
    {
        if (!IsAllowed(from, to))
        {
            Fail(clientOrderId, from, to);
        }
    }

    // Out of line: the lambda's captured state would otherwise be allocated on every (allowed) check.
    private static void Fail(string clientOrderId, OrderStatus from, OrderStatus to)
    {
        var allowed = Enum.GetValues<OrderStatus>().Where(next => IsAllowed(from, next)).ToList();
        throw new InvalidOperationException(
            $"order {clientOrderId}: transition {from} → {to} is not allowed (from {from}: {(allowed.Count == 0 ? "none, it is terminal" : string.Join(", ", allowed))})");
    }
}
