using Quorum.Core.Instruments;
using Quorum.Core.Trading;

namespace Quorum.Execution.Venues;

/// <summary>
/// One change of one order, as the venue reports it (event: past tense). <see cref="TimeMs"/> is the
/// venue time, <see cref="EngineTimeMs"/> the engine clock when the report was created.
/// For fills, <see cref="ReferencePrice"/> is the price the fill model started from before slippage
/// (the bar open for a gap, the trigger or limit price, the best quote live) and <see cref="Spread"/>
/// the spread paid, so the OMS can record slippage and spread per fill.
/// </summary>
public sealed record ExecutionReport(
    ExecutionReportKind Kind,
    string ClientOrderId,
    Symbol Symbol,
    long TimeMs,
    long EngineTimeMs,
    Fill? Fill = null,
    string? VenueOrderId = null,
    OrderRejectCode RejectCode = OrderRejectCode.None,
    string? Reason = null,
    decimal? ReferencePrice = null,
    decimal? Spread = null,
    OrderRequest? Amended = null)
{
    /// <summary>True for reports after which the order can no longer change.</summary>
    public bool IsTerminal => Kind is ExecutionReportKind.Rejected or ExecutionReportKind.Filled
        or ExecutionReportKind.Canceled or ExecutionReportKind.Expired or ExecutionReportKind.Liquidated;

    /// <summary>Slippage of the fill against <see cref="ReferencePrice"/> in the adverse direction (quote per unit; negative when better).</summary>
    public decimal? Slippage => Fill is { } fill && ReferencePrice is { } reference
        ? fill.Side.Sign() * (fill.Price - reference)
        : null;
}
