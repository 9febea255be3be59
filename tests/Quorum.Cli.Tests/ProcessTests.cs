using System.Diagnostics;
using Quorum.TestKit;

namespace Quorum.Cli.Tests;

/// <summary>Runs the built <c>quorum</c> executable as a separate process, as scripts do.</summary>
public sealed class ProcessTests
{
    [Fact]
    public async Task QuorumDataDirEnvironmentVariable_SelectsTheCatalog()
    {
        using var home = new TempDirectory();
        var catalog = home.Combine("env-catalog");

        var synth = await RunAsync(["data", "synth", "--days", "1", "--timeframe", "1h"], catalog);
        var list = await RunAsync(["data", "list"], catalog);

        synth.ExitCode.ShouldBe(0, synth.ToString());
        list.ExitCode.ShouldBe(0, list.ToString());
        list.Output.ShouldContain(catalog);
        Directory.EnumerateFiles(catalog, "*.qbars", SearchOption.AllDirectories).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task BadInput_ExitCodeIsTwo()
    {
        using var home = new TempDirectory();

        var result = await RunAsync(["data", "check", "--symbol", "NOPE", "--timeframe", "1h"], home.Path);

        result.ExitCode.ShouldBe(2, result.ToString());
    }

    private static async Task<CliResult> RunAsync(string[] args, string dataDirectory)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "quorum.dll");
        File.Exists(dll).ShouldBeTrue($"{dll} should be copied next to the tests");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["QUORUM_DATA_DIR"] = dataDirectory;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new CliResult(process.ExitCode, await output, await error);
    }
}
