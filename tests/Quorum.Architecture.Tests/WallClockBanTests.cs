using System.Text.RegularExpressions;

namespace Quorum.Architecture.Tests;

/// <summary>
/// CONVENTIONS.md: time comes only from the injected clock (TimeProvider), so backtests are
/// deterministic. Wall-clock reads, unseeded randomness and delays without a TimeProvider are
/// banned in src/. Exemptions are named here with the reason.
/// </summary>
public sealed partial class WallClockBanTests
{
    /// <summary>Files allowed to read the wall clock, and why.</summary>
    private static readonly Dictionary<string, string> Exemptions = new(StringComparer.Ordinal)
    {
        ["src/Quorum.Cli/Console/ProgressReporter.cs"] =
            "progress display (bars/s, ETA) for a human; no trading logic reads it",
    };

    [Fact]
    public void SourceFiles_DoNotReadTheWallClock()
    {
        var violations = new List<string>();
        foreach (var file in RepositoryLayout.SourceFiles())
        {
            var relative = RepositoryLayout.Relative(file);
            if (Exemptions.ContainsKey(relative))
            {
                continue;
            }

            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var code = StripComment(lines[i]);
                var match = BannedApi().Match(code);
                if (match.Success)
                {
                    violations.Add($"{relative}:{i + 1}: {match.Value} — use the injected TimeProvider / a seeded Random");
                }
            }
        }

        violations.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("var now = DateTime.UtcNow;")]
    [InlineData("var now = DateTimeOffset.Now;")]
    [InlineData("var sw = Stopwatch.StartNew();")]
    [InlineData("await Task.Delay(100);")]
    [InlineData("var r = Random.Shared.Next();")]
    [InlineData("var r = new Random();")]
    [InlineData("var t = Environment.TickCount64;")]
    public void BannedPattern_IsDetected(string line) => BannedApi().IsMatch(line).ShouldBeTrue();

    [Theory]
    [InlineData("var now = timeProvider.GetUtcNow();")]
    [InlineData("await Task.Delay(TimeSpan.FromSeconds(1), timeProvider, ct);")]
    [InlineData("var r = new Random(seed);")]
    [InlineData("// DateTime.UtcNow is banned")]
    public void AllowedPattern_IsNotFlagged(string line) => BannedApi().IsMatch(StripComment(line)).ShouldBeFalse();

    private static string StripComment(string line)
    {
        var index = line.IndexOf("//", StringComparison.Ordinal);
        return index >= 0 ? line[..index] : line;
    }

    [GeneratedRegex(@"\bDateTime(Offset)?\.(UtcNow|Now|Today)\b|\bStopwatch\b|\bEnvironment\.TickCount(64)?\b|\bRandom\.Shared\b|new\s+Random\s*\(\s*\)|\bTask\.Delay\((?![^;]*[Tt]imeProvider)[^;]*\)")]
    private static partial Regex BannedApi();
}
