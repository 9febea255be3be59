namespace Quorum.Core.Trading;

/// <summary>Where an order is in its life. <see cref="OrderStatusExtensions.IsTerminal"/> tells whether it can still change.</summary>
public enum OrderStatus
{
    /// <summary>Created locally, not yet sent.</summary>
    New,

    /// <summary>Sent to the venue, not yet acknowledged.</summary>
    Submitted,

    /// <summary>Acknowledged by the venue and working.</summary>
    Accepted,

    /// <summary>Working, part of the quantity filled.</summary>
    PartiallyFilled,

    /// <summary>Completely filled. Terminal.</summary>
    Filled,

    /// <summary>Canceled (possibly after partial fills). Terminal.</summary>
    Canceled,

    /// <summary>Refused by the venue. Terminal.</summary>
    Rejected,

    /// <summary>Expired by its time in force (IOC/FOK remainder, GTX that would take). Terminal.</summary>
    Expired,

    /// <summary>State lost (e.g. a timeout on submit); must be reconciled with the venue. Not terminal.</summary>
    Unknown,
}
