namespace Quorum.Execution.Oms;

/// <summary>Where a trade is in its life (seed 004: <c>PENDING → ACTIVE → CLOSED</c>, or <c>CANCELLED</c>).</summary>
public enum TradeStatus
{
    /// <summary>The entry is working; nothing has filled yet.</summary>
    Pending,

    /// <summary>Some entry quantity filled; a position is open (or the entry is still completing).</summary>
    Active,

    /// <summary>Everything that filled has been exited. Terminal.</summary>
    Closed,

    /// <summary>Ended before any entry fill (canceled, rejected, expired). Terminal.</summary>
    Cancelled,
}
