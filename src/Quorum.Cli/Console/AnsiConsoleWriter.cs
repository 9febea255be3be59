using System.Text;
using Spectre.Console;

namespace Quorum.Cli.Console;

/// <summary>A <see cref="TextWriter"/> that writes to a Spectre console (used for help output).</summary>
internal sealed class AnsiConsoleWriter(IAnsiConsole console) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => console.Write(new Text(value.ToString()));

    public override void Write(string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            console.Write(new Text(value));
        }
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        console.WriteLine();
    }

    public override void WriteLine() => console.WriteLine();
}
