namespace Quorum.Execution.Oms;

/// <summary>One protective leg of a trade (the stop, or one take-profit level) across its replacements.</summary>
internal sealed class ExitLeg(OrderLegKind kind, string legId, decimal price, decimal fraction)
{
    public OrderLegKind Kind { get; } = kind;

    public string LegId { get; } = legId;

    /// <summary>Desired trigger (stop) or limit (take-profit) price.</summary>
    public decimal Price { get; set; } = price;

    /// <summary>Share of the entry quantity (take-profits); 1 for the stop.</summary>
    public decimal Fraction { get; } = fraction;

    /// <summary>Quantity filled by all of this leg's orders.</summary>
    public decimal FilledQuantity { get; set; }

    public int NextAttempt { get; set; }

    public ManagedOrder? Working { get; set; }

    /// <summary>Turned off (replaced by an adjustment, canceled on request, refused by the venue).</summary>
    public bool Disabled { get; set; }

    /// <summary>The venue canceled the leg's order unasked (liquidation, maintenance): do not replace it before the next bar.</summary>
    public bool HoldUntilBar { get; set; }

    public bool IsStop => Kind == OrderLegKind.StopLoss;
}
