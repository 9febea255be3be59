namespace Quorum.Risk;

/// <summary>UTC-day arithmetic on engine timestamps (ms since the Unix epoch).</summary>
internal static class UtcDay
{
    public const long Milliseconds = 86_400_000L;

    /// <summary>Start (00:00 UTC) of the day holding <paramref name="timeMs"/>.</summary>
    public static long Start(long timeMs) => timeMs - (((timeMs % Milliseconds) + Milliseconds) % Milliseconds);

    /// <summary>Start of the next UTC day after <paramref name="timeMs"/>.</summary>
    public static long Next(long timeMs) => Start(timeMs) + Milliseconds;
}
