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
    public override string ToString() =>
        $"{TimeMs} {ClientOrderId} {From}→{To}" + (ReportKind is { } kind ? $" ({kind})" : string.Empty) + (Reason is null ? string.Empty : $" {Reason}");
}
