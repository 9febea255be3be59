using System.CommandLine;
using Quorum.Cli.Commands;
using Quorum.Cli.Console;
using Spectre.Console;

namespace Quorum.Cli;

/// <summary>
/// The <c>quorum</c> command tree. Parse errors and bad input exit with 2, runtime failures
/// with 1 (see <see cref="ExitCodes"/>); every verb has <c>--help</c>.
/// </summary>
internal static class CliApplication
{
    public static RootCommand BuildRootCommand(CliContext context)
    {
        var root = new RootCommand(
            "Quorum — a personal multi-agent crypto trading system (Binance, Bybit). " +
            "Safe by default: paper mode; live trading needs explicit confirmation.");
        root.Add(DemoCommand.Create(context));
        root.Add(DataCommands.Create(context));
        root.Add(ConfigCommands.Create(context));
        root.Add(IndicatorsCommand.Create(context));
        root.Add(BacktestCommand.Create(context));
        root.Add(StrategiesCommand.Create(context));
        root.Add(RegimeCommand.Create(context));
        root.Add(RiskCommands.Create(context));
        return root;
    }

    /// <summary>Runs the command line and returns the process exit code.</summary>
    public static int Run(string[] args, IAnsiConsole console, CliEnvironment environment, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var context = new CliContext(console, environment);
        var root = BuildRootCommand(context);
        var parseResult = root.Parse(args);
        var errorWriter = error ?? System.Console.Error;
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                errorWriter.WriteLine($"error: {parseError.Message}");
            }

            errorWriter.WriteLine("Run 'quorum --help' (or 'quorum <verb> --help') for usage.");
            return ExitCodes.BadInput;
        }

        try
        {
            var configuration = new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
                Output = new AnsiConsoleWriter(console),
                Error = errorWriter,
            };
            return parseResult.Invoke(configuration);
        }
        catch (Exception exception) when (CliErrors.IsBadInput(exception))
        {
            errorWriter.WriteLine($"error: {exception.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            errorWriter.WriteLine($"error: {exception.Message}");
            errorWriter.WriteLine($"({exception.GetType().Name}; rerun with QUORUM_DEBUG=1 for the stack trace)");
            if (environment.Get("QUORUM_DEBUG") is "1")
            {
                errorWriter.WriteLine(exception.ToString());
            }

            return ExitCodes.Failure;
        }
    }
}
