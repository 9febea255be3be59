namespace Quorum.Execution.Venues;

/// <summary>What happened to an order, as a venue reports it.</summary>
public enum ExecutionReportKind
{
    /// <summary>The venue acknowledged the order; it is working (or, for a conditional order, waiting for its trigger).</summary>
    Accepted,

    /// <summary>The venue refused the order; <see cref="ExecutionReport.Reason"/> and <see cref="ExecutionReport.RejectCode"/> say why. Terminal.</summary>
    Rejected,

    /// <summary>A stop or take-profit order's trigger price was touched; it is now a market or limit order.</summary>
    Triggered,

    /// <summary>Part of the order filled; <see cref="ExecutionReport.Fill"/> is that part.</summary>
    PartiallyFilled,

    /// <summary>The last part of the order filled; <see cref="ExecutionReport.Fill"/> is that part. Terminal.</summary>
    Filled,

    /// <summary>The order was canceled (on request, as an OCO sibling, or by the venue). Terminal.</summary>
    Canceled,

    /// <summary>The order ended by its time in force (IOC/FOK remainder) or could no longer be honoured when it came to fill (e.g. funds gone). A post-only order that would take is <see cref="Rejected"/> instead. Terminal.</summary>
    Expired,

    /// <summary>A working order was changed in place (<see cref="IVenue.Amend"/>).</summary>
    Amended,

    /// <summary>A cancel or amend could not be applied (order already terminal or not known).</summary>
    CancelRejected,

    /// <summary>The venue closed the position by liquidation; <see cref="ExecutionReport.Fill"/> is the liquidation fill.</summary>
    Liquidated,
}
