namespace Quorum.Core.Messaging;

/// <summary>
/// Publish/subscribe between the components of one bot. The event's runtime type is its topic:
/// a subscriber to <c>TEvent</c> receives every published event assignable to <c>TEvent</c>
/// (subscribe to <see cref="IEvent"/> to see everything), so topic names are types, never strings.
/// </summary>
public interface IEventBus
{
    /// <summary>Delivers <paramref name="event"/> to every matching subscriber.</summary>
    void Publish<TEvent>(TEvent @event)
        where TEvent : notnull;

    /// <summary>Registers <paramref name="handler"/> for events assignable to <typeparamref name="TEvent"/>; dispose the result to unsubscribe.</summary>
    IDisposable Subscribe<TEvent>(Action<TEvent> handler);
}
