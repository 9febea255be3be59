using System.CommandLine;
using Spectre.Console;

namespace Quorum.Cli.Tests;

public sealed class HelpTests
{
    public static TheoryData<string> Verbs()
    {
        var data = new TheoryData<string>();
        var root = CliApplication.BuildRootCommand(new CliContext(AnsiConsole.Console, CliEnvironment.FromDictionary(new Dictionary<string, string>(), "/tmp")));
        foreach (var path in Walk(root, string.Empty))
        {
            data.Add(path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Help_OnEveryVerb_ExitsZeroAndDescribesEveryOption(string verbPath)
    {
        using var cli = new CliRunner();
        var args = verbPath.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append("--help").ToArray();

        var result = cli.Run(args);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain("Usage:");
        result.Output.ShouldContain("Options:");
    }

    [Fact]
    public void Root_ListsTheFoundationVerbs()
    {
        var paths = Walk(CliApplication.BuildRootCommand(new CliContext(AnsiConsole.Console, CliEnvironment.FromDictionary(new Dictionary<string, string>(), "/tmp"))), string.Empty).ToList();

        paths.ShouldContain("data import");
        paths.ShouldContain("data check");
        paths.ShouldContain("data synth");
        paths.ShouldContain("data list");
        paths.ShouldContain("data resample");
        paths.ShouldContain("data export");
        paths.ShouldContain("config validate");
        paths.ShouldContain("demo");
    }

    [Fact]
    public void UnknownVerb_ExitsWithBadInput()
    {
        using var cli = new CliRunner();

        var result = cli.Run("data", "frobnicate");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("frobnicate");
    }

    private static IEnumerable<string> Walk(Command command, string prefix)
    {
        yield return prefix;
        foreach (var sub in command.Subcommands)
        {
            foreach (var path in Walk(sub, (prefix + " " + sub.Name).Trim()))
            {
                yield return path;
            }
        }
    }
}
