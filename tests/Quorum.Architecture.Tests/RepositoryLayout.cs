namespace Quorum.Architecture.Tests;

/// <summary>Finds the repository root (the folder holding Quorum.slnx) from the test binaries.</summary>
internal static class RepositoryLayout
{
    public static string Root => Quorum.TestKit.Repository.Root;

    public static string Src => Path.Combine(Root, "src");

    public static IEnumerable<string> SourceProjects() =>
        Directory.EnumerateFiles(Src, "*.csproj", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    public static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');
}
