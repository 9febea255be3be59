using Xunit;

namespace Quorum.TestKit;

/// <summary>
/// Locates Debian's headless Chromium for tests that render HTML. When it is absent the test is
/// skipped with a message saying how to install it, unless <c>QUORUM_REQUIRE_CHROMIUM=1</c> is set
/// (as <c>.ci/run</c> does after installing it), in which case the absence is a failure.
/// </summary>
public static class Chromium
{
    /// <summary>Environment variable that turns a missing Chromium into a test failure.</summary>
    public const string RequireVariable = "QUORUM_REQUIRE_CHROMIUM";

    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    /// <summary>Path of the Chromium executable; skips (or, when required, fails) the test when there is none.</summary>
    public static string Find()
    {
        var path = Candidates.FirstOrDefault(File.Exists);
        if (path is not null)
        {
            return path;
        }

        var message = $"chromium is not installed (looked for {string.Join(", ", Candidates)}): install it with apt-get install chromium";
        if (Environment.GetEnvironmentVariable(RequireVariable) is "1" or "true")
        {
            throw new InvalidOperationException($"{message} — {RequireVariable} is set, so this is a failure, not a skip");
        }

        Assert.Skip(message);
        return string.Empty;
    }
}
