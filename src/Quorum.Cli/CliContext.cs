using Spectre.Console;

namespace Quorum.Cli;

/// <summary>What every command handler gets: the console and the environment.</summary>
internal sealed class CliContext(IAnsiConsole console, CliEnvironment environment)
{
    public IAnsiConsole Console { get; } = console;

    public CliEnvironment Environment { get; } = environment;
}
