using Spectre.Console;

namespace Quorum.Cli;

internal static class Program
{
    /// <summary>Width used when output goes to a file or pipe, so tables are not squeezed to 80 columns.</summary>
    private const int RedirectedWidth = 160;

    public static int Main(string[] args)
    {
        var console = AnsiConsole.Console;
        if (System.Console.IsOutputRedirected)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return CliApplication.Run(args, console, CliEnvironment.FromProcess());
    }
}
