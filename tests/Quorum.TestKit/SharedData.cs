using Xunit;

namespace Quorum.TestKit;

/// <summary>
/// Locates the real market data in <c>../shared/data</c> (never copied into the project).
/// Tests that need it call <see cref="Require"/>: when the folder is absent the test is
/// skipped with a message saying where it was looked for, unless the environment variable
/// <c>QUORUM_REQUIRE_SHARED_DATA=1</c> is set (as <c>.ci/run</c> does), in which case the
/// absence is a failure.
/// </summary>
public static class SharedData
{
    /// <summary>Environment variable pointing at the shared data folder (overrides the search).</summary>
    public const string DirectoryVariable = "QUORUM_SHARED_DATA";

    /// <summary>Environment variable that turns a missing shared data folder into a test failure.</summary>
    public const string RequireVariable = "QUORUM_REQUIRE_SHARED_DATA";

    private static readonly Lazy<string?> Root = new(Locate);

    /// <summary>The shared data folder, or null when it cannot be found.</summary>
    public static string? Directory => Root.Value;

    public static bool IsRequired => Environment.GetEnvironmentVariable(RequireVariable) is "1" or "true";

    /// <summary>Full path of <paramref name="relativePath"/> inside the shared data folder; skips or fails the test if absent.</summary>
    public static string Require(string relativePath)
    {
        var root = Root.Value;
        string message;
        if (root is null)
        {
            var configured = Environment.GetEnvironmentVariable(DirectoryVariable);
            message = string.IsNullOrWhiteSpace(configured)
                ? $"../shared/data not found (looked beside the repository and upward from {AppContext.BaseDirectory}; set {DirectoryVariable} to its path)"
                : $"{DirectoryVariable}={configured} is not a directory";
        }
        else
        {
            var path = Path.Combine(root, relativePath);
            if (File.Exists(path) || System.IO.Directory.Exists(path))
            {
                return path;
            }

            message = $"shared data file '{relativePath}' not found under {root}";
        }

        if (IsRequired)
        {
            throw new InvalidOperationException($"{message}; {RequireVariable}=1 makes real-data tests mandatory");
        }

        Assert.Skip($"{message}. Real-data test skipped.");
        return string.Empty; // unreachable: Assert.Skip throws
    }

    private static string? Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return System.IO.Directory.Exists(fromEnvironment) ? Path.GetFullPath(fromEnvironment) : null;
        }

        // The repository is normally checked out beside ../shared.
        var besideRepository = Path.GetFullPath(Path.Combine(Repository.Root, "..", "shared", "data"));
        if (File.Exists(Path.Combine(besideRepository, "README.md")))
        {
            return besideRepository;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (File.Exists(Path.Combine(candidate, "README.md")))
            {
                return candidate;
            }
        }

        return null;
    }
}
