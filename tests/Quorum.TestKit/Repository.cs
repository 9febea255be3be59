using System.Reflection;

namespace Quorum.TestKit;

/// <summary>
/// The repository checkout the tests were built from (the folder holding Quorum.slnx), recorded
/// at build time so tests work wherever the binaries are placed.
/// </summary>
public static class Repository
{
    private static readonly Lazy<string> RootPath = new(Locate);

    public static string Root => RootPath.Value;

    public static string ConfigsDirectory => Path.Combine(Root, "configs");

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Locate()
    {
        var recorded = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "QuorumRepositoryRoot")?.Value;
        if (!string.IsNullOrEmpty(recorded) && File.Exists(Path.Combine(recorded, "Quorum.slnx")))
        {
            return Path.GetFullPath(recorded);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Quorum.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Quorum.slnx not found (recorded root '{recorded}', binaries in {AppContext.BaseDirectory})");
    }
}
