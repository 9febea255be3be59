using System.Text.RegularExpressions;
using Quorum.TestKit;

namespace Quorum.Configuration.Tests;

/// <summary>DESIGN.md principle 4: nothing at runtime writes governance.yaml (the loader writes no file at all).</summary>
public sealed partial class ReadOnlyTests
{
    [Fact]
    public void Load_LeavesEveryConfigFileByteForByteAndTimestampUnchanged()
    {
        using var dir = new ConfigDirectory();
        var before = ConfigLoader.FileNames.ToDictionary(f => f, f => (File.ReadAllBytes(dir.FilePath(f)), File.GetLastWriteTimeUtc(dir.FilePath(f))));

        dir.Load(new Dictionary<string, string?> { ["MODE"] = "paper", ["LOG_LEVEL"] = "DEBUG" });

        foreach (var file in ConfigLoader.FileNames)
        {
            File.ReadAllBytes(dir.FilePath(file)).ShouldBe(before[file].Item1);
            File.GetLastWriteTimeUtc(dir.FilePath(file)).ShouldBe(before[file].Item2);
        }

        Directory.GetFiles(dir.Path).Length.ShouldBe(ConfigLoader.FileNames.Count);
    }

    [Fact]
    public void ConfigurationSource_ContainsNoFileWritingCalls()
    {
        var source = Repository.Combine("src", "Quorum.Configuration");
        var offenders = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => WriteApi().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(source, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();

        offenders.ShouldBeEmpty();
    }

    [GeneratedRegex(@"File\.(Write|Append|Create|Open(?!Read|Text)|Move|Copy|Delete|Replace)|FileMode\.(Create|Append|Truncate|OpenOrCreate)|FileAccess\.(Read)?Write|new\s+StreamWriter|FileStream\(")]
    private static partial Regex WriteApi();
}
