using System.Globalization;

namespace Quorum.Execution.Engine;

/// <summary>Formatting of engine times (UTC ms since the Unix epoch) for error messages.</summary>
internal static class EngineTime
{
    private static readonly long MinMs = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly long MaxMs = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary><c>2021-01-01 10:00:00Z</c>, or <c>out of range</c> for a value no date can hold.</summary>
    public static string Format(long ms) =>
        ms < MinMs || ms > MaxMs
            ? "out of the date range"
            : DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
