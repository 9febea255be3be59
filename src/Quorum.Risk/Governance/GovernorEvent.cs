using Quorum.Core.Messaging;

namespace Quorum.Risk.Governance;

/// <summary>A lock, kill-switch or health change of the <see cref="Governor"/>, published on the event bus and kept in its history.</summary>
/// <param name="Kind">What changed.</param>
/// <param name="State">The trading state after the change.</param>
/// <param name="Reason">Why, with the numbers and the governance key.</param>
/// <param name="EngineTimeMs">Engine time of the change.</param>
/// <param name="VenueTimeMs">Time of the event that caused it (equity point, health report).</param>
public sealed record GovernorEvent(GovernorEventKind Kind, TradingState State, string Reason, long EngineTimeMs, long VenueTimeMs) : Event(EngineTimeMs, VenueTimeMs);
