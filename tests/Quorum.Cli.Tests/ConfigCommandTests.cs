using Quorum.TestKit;

namespace Quorum.Cli.Tests;

public sealed class ConfigCommandTests
{
    [Fact]
    public void Validate_ShippedConfigs_ExitsZeroAndPrintsGovernanceHash()
    {
        using var cli = new CliRunner();

        var result = cli.Run("config", "validate", "--config-dir", Repository.ConfigsDirectory);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain("governance.yaml sha256:");
        result.Output.ShouldContain("max_daily_loss_pct = 1.8");
    }

    [Fact]
    public void Validate_OutOfRangeGovernanceValue_ExitsTwoNamingFileKeyValueAndRange()
    {
        using var cli = new CliRunner();
        var folder = CopyConfigs(cli);
        var governance = Path.Combine(folder, "governance.yaml");
        File.WriteAllText(governance, File.ReadAllText(governance).Replace("max_daily_loss_pct: 1.8", "max_daily_loss_pct: 25", StringComparison.Ordinal));

        var result = cli.Run("config", "validate", "--config-dir", folder);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain("governance.yaml");
        result.Error.ShouldContain("max_daily_loss_pct");
        result.Error.ShouldContain("25");
        result.Error.ShouldContain("10");
    }

    [Fact]
    public void Validate_BrokenYaml_ExitsTwo()
    {
        using var cli = new CliRunner();
        var folder = CopyConfigs(cli);
        File.WriteAllText(Path.Combine(folder, "symbols.yaml"), "symbols: [\n  - symbol: : :\n");

        var result = cli.Run("config", "validate", "--config-dir", folder);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain("symbols.yaml");
    }

    [Fact]
    public void Validate_MissingDirectory_ExitsTwo()
    {
        using var cli = new CliRunner();

        var result = cli.Run("config", "validate", "--config-dir", Path.Combine(cli.Home, "nope"));

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain("nope");
    }

    [Fact]
    public void Validate_SecretsFromEnvironment_NeverPrinted()
    {
        using var cli = new CliRunner();
        cli.Environment["API_KEY"] = "supersecretkey123";
        cli.Environment["API_SECRET"] = "supersecretvalue456";

        var result = cli.Run("config", "validate", "--config-dir", Repository.ConfigsDirectory);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldNotContain("supersecretkey123");
        result.Output.ShouldNotContain("supersecretvalue456");
    }

    internal static string CopyConfigs(CliRunner cli)
    {
        var folder = Path.Combine(cli.Home, "configs");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Repository.ConfigsDirectory, "*.yaml"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }
}
