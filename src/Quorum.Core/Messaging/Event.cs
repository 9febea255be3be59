namespace Quorum.Core.Messaging;

/// <summary>
/// Convenience base for event records: <c>public sealed record OrderFilled(…, long EngineTimeMs, long VenueTimeMs) : Event(EngineTimeMs, VenueTimeMs);</c>.
/// Events are named in the past tense.
/// </summary>
public abstract record Event(long EngineTimeMs, long VenueTimeMs) : IEvent;
