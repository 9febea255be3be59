using System.CommandLine;
using Quorum.Configuration;
using Spectre.Console;

namespace Quorum.Cli.Commands;

/// <summary><c>quorum config validate --config-dir DIR</c>.</summary>
internal static class ConfigCommands
{
    public static Command Create(CliContext context)
    {
        var config = new Command("config", "Configuration files (governance.yaml, enable_map.yaml, symbols.yaml, quorum.yaml).");
        var directory = new Option<DirectoryInfo>("--config-dir")
        {
            Description = "Folder holding the four config files. Default: ./configs.",
            DefaultValueFactory = _ => new DirectoryInfo("configs"),
        };
        var validate = new Command(
            "validate",
            "Validate every config file and the environment variables against their schemas; print the governance hash. " +
            "Exit 0 valid, 2 invalid (every error is listed with file, key, value and allowed range).")
        {
            directory,
        };
        validate.SetAction(parseResult =>
        {
            var folder = parseResult.GetRequiredValue(directory);
            var configuration = ConfigLoader.LoadDirectory(folder.FullName, context.Environment.Get);
            var table = new Table().AddColumns("file", "status");
            foreach (var file in ConfigLoader.FileNames)
            {
                table.AddRow(Markup.Escape(Path.Combine(folder.FullName, file)), "[green]valid[/]");
            }

            context.Console.Write(table);
            context.Console.MarkupLineInterpolated($"governance.yaml sha256: [bold]{configuration.GovernanceSha256}[/]");
            context.Console.Write(new Text(configuration.ToRedactedSummary(context.Environment.HomeDirectory) + Environment.NewLine));
            return ExitCodes.Ok;
        });
        config.Add(validate);
        return config;
    }
}
