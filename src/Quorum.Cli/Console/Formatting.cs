using System.Globalization;

namespace Quorum.Cli.Console;

/// <summary>How times and sizes are shown to a person.</summary>
internal static class Formatting
{
    public static string Time(long utcMilliseconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds(utcMilliseconds).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:F1} KiB",
        _ => $"{bytes / (1024.0 * 1024.0):F1} MiB",
    };
}
