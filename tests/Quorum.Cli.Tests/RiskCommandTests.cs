using Quorum.Configuration;
using Quorum.Risk.Governance;
using Quorum.TestKit;

namespace Quorum.Cli.Tests;

public sealed class RiskCommandTests
{
    private const long Day0 = 1_609_459_200_000;

    private static void EngageKillSwitch(string statePath)
    {
        var governance = ConfigLoader.LoadGovernance(Path.Combine(Repository.ConfigsDirectory, ConfigLoader.GovernanceFileName));
        var governor = new Governor(governance, new string('a', 64), new FileGovernorStateStore(statePath));
        governor.OnEquity(Day0, 10_000m);
        governor.OnEquity(Day0 + 3_600_000, 9_600m); // −4 %: kill switch
    }

    [Fact]
    public void Status_WithoutAStateFile_ShowsTheHashAndNothingLocked()
    {
        using var cli = new CliRunner();

        var result = cli.Run("risk", "status", "--config-dir", Repository.ConfigsDirectory);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain("governance.yaml sha256:");
        result.Output.ShouldContain("kill switch: clear");
        result.Output.ShouldContain("daily_lock_state = 0, dd_state = 0");
        result.Output.ShouldContain(Path.Combine(cli.DataDirectory, "risk", FileGovernorStateStore.DefaultFileName));
    }

    [Fact]
    public void Unlock_LiftsAPersistedKillSwitch_OnlyWithAReason_AndAudits()
    {
        using var cli = new CliRunner();
        var state = Path.Combine(cli.Home, "state", FileGovernorStateStore.DefaultFileName);
        EngageKillSwitch(state);

        var status = cli.Run("risk", "status", "--config-dir", Repository.ConfigsDirectory, "--state", state);
        status.ExitCode.ShouldBe(0, status.ToString());
        status.Output.ShouldContain("kill switch: ENGAGED since 2021-01-01 01:00:00 UTC");
        status.Output.ShouldContain("dd_state = 1");
        status.Output.ShouldContain("trading state: HALTED");

        cli.Run("risk", "unlock", "--operator", "alice", "--config-dir", Repository.ConfigsDirectory, "--state", state).ExitCode.ShouldBe(2);
        var blank = cli.Run("risk", "unlock", "--operator", "alice", "--reason", " ", "--config-dir", Repository.ConfigsDirectory, "--state", state);
        blank.ExitCode.ShouldBe(2, blank.ToString());
        blank.Error.ShouldContain("--reason");
        new FileGovernorStateStore(state).Load()!.KillSwitchEngaged.ShouldBeTrue("a refused unlock changes nothing");

        var unlock = cli.Run("risk", "unlock", "--operator", "alice", "--reason", "post-mortem done", "--config-dir", Repository.ConfigsDirectory, "--state", state);
        unlock.ExitCode.ShouldBe(0, unlock.ToString());
        unlock.Output.ShouldContain("unlocked by alice: post-mortem done");

        var store = new FileGovernorStateStore(state);
        store.Load()!.KillSwitchEngaged.ShouldBeFalse();
        var audit = store.ReadAudit().ShouldHaveSingleItem();
        (audit.Operator, audit.Reason, audit.EngagedAtMs).ShouldBe(("alice", "post-mortem done", Day0 + 3_600_000));
        cli.Run("risk", "status", "--config-dir", Repository.ConfigsDirectory, "--state", state).Output.ShouldContain("audited unlocks: 1");
    }

    [Fact]
    public void Unlock_WithAnOutOfRangeGovernance_ExitsTwoNamingFileKeyValueAndRange()
    {
        using var cli = new CliRunner();
        var folder = ConfigCommandTests.CopyConfigs(cli);
        var governance = Path.Combine(folder, ConfigLoader.GovernanceFileName);
        File.WriteAllText(governance, File.ReadAllText(governance).Replace("kill_switch_drawdown_72h: 3.5", "kill_switch_drawdown_72h: 30", StringComparison.Ordinal));

        var result = cli.Run("risk", "unlock", "--operator", "alice", "--reason", "r", "--config-dir", folder);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain("governance.yaml: kill_switch_drawdown_72h = 30 is out of range (0 < x ≤ 25)");
    }
}
