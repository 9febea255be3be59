using Quorum.Core.Messaging;

namespace Quorum.Core.Tests.Messaging;

/// <summary>A family of events for bus tests: <see cref="OrderEvent"/> is the base of two concrete events.</summary>
internal abstract record OrderEvent(string OrderId, long EngineTimeMs, long VenueTimeMs) : Event(EngineTimeMs, VenueTimeMs);

internal sealed record OrderAccepted(string OrderId, long EngineTimeMs = 2, long VenueTimeMs = 1) : OrderEvent(OrderId, EngineTimeMs, VenueTimeMs);

internal sealed record OrderFilled(string OrderId, long EngineTimeMs = 2, long VenueTimeMs = 1) : OrderEvent(OrderId, EngineTimeMs, VenueTimeMs);

internal sealed record BarClosed(string Symbol, long EngineTimeMs = 2, long VenueTimeMs = 1) : Event(EngineTimeMs, VenueTimeMs);
