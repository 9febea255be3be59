using Quorum.Core.Trading;
using Quorum.Execution.Venues;

namespace Quorum.Execution.Oms;

/// <summary>
/// One entry of an order's history: a status change (<see cref="From"/> → <see cref="To"/>) or, when
/// both are equal, an event that changed no status (triggered, amended, a cancel refused).
/// <see cref="TimeMs"/> is the engine clock.
/// </summary>
public sealed record OrderStateChange(
    string ClientOrderId,
    OrderStatus From,
    OrderStatus To,
    long TimeMs,
    ExecutionReportKind? ReportKind = null,
    string? Reason = null)
{
    /// <summary>The request an amend left working, kept instead of its text until <see cref="Reason"/> is read.</summary>
    private readonly OrderRequest? _amendedTo;

    private string? _reason = Reason;

    /// <summary>
    /// An amend that changed no status: <see cref="Reason"/> reads <c>now {amended}</c>, formatted on first read (a
    /// bracket's exits are amended at every entry and take-profit fill, and their notes are seldom read).
    /// </summary>
    internal OrderStateChange(string clientOrderId, OrderStatus status, long timeMs, ExecutionReportKind reportKind, OrderRequest amendedTo)
        : this(clientOrderId, status, status, timeMs, reportKind)
    {
        _amendedTo = amendedTo;
    }

    /// <summary>Why, in words (null when nothing was said).</summary>
    public string? Reason
    {
        get => _reason ??= _amendedTo is null ? null : $"now {_amendedTo}";
        init => _reason = value;
    }

    /// <summary>Equal fields, <see cref="Reason"/> compared as text (however it was made).</summary>
    public bool Equals(OrderStateChange? other) =>
        other is not null &&
        (ReferenceEquals(this, other) ||
         (ClientOrderId == other.ClientOrderId && From == other.From && To == other.To && TimeMs == other.TimeMs &&
          ReportKind == other.ReportKind && Reason == other.Reason));

    public override int GetHashCode() => HashCode.Combine(ClientOrderId, From, To, TimeMs, ReportKind, Reason);

    public override string ToString() =>
        $"{TimeMs} {ClientOrderId} {From}→{To}" + (ReportKind is { } kind ? $" ({kind})" : string.Empty) + (Reason is null ? string.Empty : $" {Reason}");
}
