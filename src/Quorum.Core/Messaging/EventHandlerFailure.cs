namespace Quorum.Core.Messaging;

/// <summary>A subscriber of <see cref="SubscribedType"/> threw <see cref="Exception"/> while handling <see cref="Event"/>.</summary>
public sealed record EventHandlerFailure(object Event, Type SubscribedType, Exception Exception)
{
    public override string ToString() =>
        $"handler for {SubscribedType.Name} failed on {Event.GetType().Name}: {Exception.GetType().Name}: {Exception.Message}";
}
