namespace Quorum.Cli;

/// <summary>
/// What the command reads from its surroundings: environment variables and the home folder.
/// Injected so tests run the CLI in-process without touching the real environment.
/// </summary>
internal sealed class CliEnvironment(Func<string, string?> variables, string homeDirectory)
{
    public string HomeDirectory { get; } = homeDirectory;

    public string? Get(string name) => variables(name);

    public static CliEnvironment FromProcess() =>
        new(Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    public static CliEnvironment FromDictionary(IReadOnlyDictionary<string, string> variables, string homeDirectory) =>
        new(name => variables.TryGetValue(name, out var value) ? value : null, homeDirectory);
}
