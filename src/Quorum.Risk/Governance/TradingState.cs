namespace Quorum.Risk.Governance;

/// <summary>The governor's trading state (docs/risk.md "States").</summary>
public enum TradingState
{
    /// <summary>Every order the other rules accept may go.</summary>
    Active,

    /// <summary>Daily lock or a health pause: only orders that reduce exposure (closing, stop, take-profit) are accepted.</summary>
    Reducing,

    /// <summary>Kill switch: no order that adds exposure until an audited manual unlock; closing orders and the resting protective orders still work.</summary>
    Halted,
}
