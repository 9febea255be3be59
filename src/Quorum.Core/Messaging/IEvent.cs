namespace Quorum.Core.Messaging;

/// <summary>
/// Something that happened, published on the <see cref="IEventBus"/>. Every event carries the
/// venue time it refers to and the engine time it was created; events raised by the engine
/// itself (a risk denial, a regime switch) set both to the engine time.
/// </summary>
public interface IEvent
{
    /// <summary>Engine clock time the event was created (UTC ms since the Unix epoch).</summary>
    long EngineTimeMs { get; }

    /// <summary>Venue time of what the event reports (UTC ms since the Unix epoch).</summary>
    long VenueTimeMs { get; }
}
