using System.Net;

namespace Quorum.Configuration;

/// <summary><c>quorum.yaml: web</c> — the dashboard and its API. Loopback-only unless <c>allow_remote: true</c>.</summary>
/// <param name="Host"><c>host</c>: address to listen on (default <c>127.0.0.1</c>).</param>
/// <param name="Port"><c>port</c>: 1..65535 (default 8080).</param>
/// <param name="AllowRemote"><c>allow_remote</c>: must be true to listen on anything but loopback (default false).</param>
public sealed record WebConfig(string Host, int Port, bool AllowRemote)
{
    public bool IsLoopback => IsLoopbackHost(Host);

    /// <summary>True for <c>localhost</c> and loopback addresses (<c>127.0.0.0/8</c>, <c>::1</c>).</summary>
    public static bool IsLoopbackHost(string host)
    {
        var trimmed = host.Trim().TrimStart('[').TrimEnd(']');
        return string.Equals(trimmed, "localhost", StringComparison.OrdinalIgnoreCase) ||
               (IPAddress.TryParse(trimmed, out var address) && IPAddress.IsLoopback(address));
    }
}
