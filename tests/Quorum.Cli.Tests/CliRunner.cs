using Quorum.TestKit;
using Spectre.Console;

namespace Quorum.Cli.Tests;

/// <summary>Runs the <c>quorum</c> command in-process with a captured console and an injected environment.</summary>
internal sealed class CliRunner : IDisposable
{
    private readonly TempDirectory _home = new();

    public CliRunner()
    {
        DataDirectory = _home.Combine("catalog");
        Environment["QUORUM_DATA_DIR"] = DataDirectory;
    }

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public string DataDirectory { get; }

    public string Home => _home.Path;

    public CliResult Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 200;
        var exitCode = CliApplication.Run(args, console, CliEnvironment.FromDictionary(Environment, _home.Path), error);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    public void Dispose() => _home.Dispose();
}
