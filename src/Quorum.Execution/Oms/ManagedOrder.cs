using Quorum.Core.Trading;
using Quorum.Execution.Venues;

namespace Quorum.Execution.Oms;

/// <summary>
/// An order the OMS sent, with its trade, its leg and its whole state history. <see cref="Order"/>
/// is the current state (an immutable <see cref="Core.Trading.Order"/> replaced on every change).
/// </summary>
public sealed class ManagedOrder
{
    private readonly List<OrderStateChange> _history = [];

    internal ManagedOrder(Order order, Trade trade, OrderLegKind leg, string legId, int attempt)
    {
        Order = order;
        Trade = trade;
        Leg = leg;
        LegId = legId;
        Attempt = attempt;
    }

    /// <summary>Current state.</summary>
    public Order Order { get; internal set; }

    public string ClientOrderId => Order.ClientOrderId;

    public OrderStatus Status => Order.Status;

    /// <summary>The trade the order belongs to.</summary>
    public Trade Trade { get; }

    public OrderLegKind Leg { get; }

    /// <summary>The leg code in the client order id: <c>e1</c> (first entry child), <c>s</c>, <c>t2</c>, <c>x1</c>.</summary>
    public string LegId { get; }

    /// <summary>0 for the first submission of the leg, +1 for each replacement or resubmission.</summary>
    public int Attempt { get; }

    /// <summary>Engine time the order was sent (UTC ms).</summary>
    public long SentAtMs { get; internal set; }

    /// <summary>Every status change and status-less event, oldest first.</summary>
    public IReadOnlyList<OrderStateChange> History => _history;

    /// <summary>The venue's reason for a rejection, expiry or refused cancel/amend, if any.</summary>
    public string? Reason { get; internal set; }

    public OrderRejectCode RejectCode { get; internal set; }

    /// <summary>Part of a native bracket or OCO the venue links (the venue shrinks and cancels its siblings).</summary>
    public bool VenueLinked { get; internal set; }

    internal bool CancelPending { get; set; }

    internal AmendRequest? PendingAmend { get; set; }

    /// <summary>The venue refused to amend this order once; it is changed by cancel + replace instead.</summary>
    internal bool AmendRefused { get; set; }

    /// <summary>True while the order is working or may still be (not terminal).</summary>
    public bool IsWorking => !Order.IsTerminal;

    internal void Record(OrderStateChange change) => _history.Add(change);

    public override string ToString() => $"{Order} leg {LegId} attempt {Attempt} trade {Trade.TradeId}";
}
