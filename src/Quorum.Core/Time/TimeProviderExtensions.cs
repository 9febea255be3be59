namespace Quorum.Core.Time;

/// <summary>Millisecond helpers over <see cref="TimeProvider"/>: Quorum times are UTC ms since the Unix epoch.</summary>
public static class TimeProviderExtensions
{
    /// <summary>The provider's current UTC time in milliseconds since the Unix epoch.</summary>
    public static long GetUtcNowMilliseconds(this TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return timeProvider is SimulatedClock simulated ? simulated.UtcNowMs : timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
    }
}
