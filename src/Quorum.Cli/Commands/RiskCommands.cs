using System.CommandLine;
using System.Globalization;
using Quorum.Configuration;
using Quorum.Risk.Governance;
using Spectre.Console;

namespace Quorum.Cli.Commands;

/// <summary>
/// <c>quorum risk status</c>: the governance hash and the persisted governor state (kill switch, daily lock);
/// <c>quorum risk unlock --reason TEXT --operator NAME</c>: the explicit, audited manual unlock of the kill switch.
/// </summary>
internal static class RiskCommands
{
    public static Command Create(CliContext context)
    {
        var risk = new Command("risk", "The risk governor's persisted state: kill switch and daily lock (docs/risk.md).");
        risk.Add(Status(context));
        risk.Add(Unlock(context));
        return risk;
    }

    private static Option<DirectoryInfo> ConfigDirectory() => new("--config-dir")
    {
        Description = "Folder holding the four config files (governance.yaml gives the limits and the hash). Default: ./configs.",
        DefaultValueFactory = _ => new DirectoryInfo("configs"),
    };

    private static Option<FileInfo?> StateFile() => new("--state")
    {
        Description = $"Governor state file. Default: <data_dir>/risk/{FileGovernorStateStore.DefaultFileName} (data_dir from quorum.yaml or $QUORUM_DATA_DIR). " +
                      "The audit log of unlocks is beside it (<name>.audit.log).",
    };

    private static Command Status(CliContext context)
    {
        var directory = ConfigDirectory();
        var state = StateFile();
        var command = new Command(
            "status",
            "Print the governance.yaml hash and the persisted kill switch and daily lock, with the metric values daily_lock_state and dd_state. " +
            "Exit 0; 2 for an invalid config; 1 for an unreadable state file.")
        {
            directory,
            state,
        };
        command.SetAction(parseResult =>
        {
            var (configuration, store) = Open(context, parseResult.GetRequiredValue(directory), parseResult.GetValue(state));
            var saved = store.Load() ?? GovernorState.Clear(configuration.GovernanceSha256);
            var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
            var dailyLocked = saved.DailyLockUntilMs is { } until && until > now;
            var console = context.Console;
            console.MarkupLineInterpolated($"governance.yaml sha256: [bold]{configuration.GovernanceSha256}[/]");
            if (!string.Equals(saved.GovernanceSha256, configuration.GovernanceSha256, StringComparison.Ordinal))
            {
                console.MarkupLineInterpolated($"[yellow]the state was written under governance.yaml sha256 {saved.GovernanceSha256}[/]");
            }

            console.WriteLine($"state file: {store.StatePath}{(File.Exists(store.StatePath) ? string.Empty : " (none yet: nothing ever locked)")}");
            console.WriteLine(saved.KillSwitchEngaged
                ? $"kill switch: ENGAGED since {Iso(saved.KillSwitchEngagedAtMs)} — {saved.KillSwitchReason}"
                : $"kill switch: clear{(saved.KillSwitchReason.Length > 0 ? $" (last: {saved.KillSwitchReason})" : string.Empty)}");
            console.WriteLine(dailyLocked
                ? $"daily lock: LOCKED until {Iso(saved.DailyLockUntilMs)} — {saved.DailyLockReason}"
                : "daily lock: not locked");
            var tradingState = saved.KillSwitchEngaged ? TradingState.Halted : dailyLocked ? TradingState.Reducing : TradingState.Active;
            console.WriteLine($"trading state: {tradingState.ToString().ToUpperInvariant()} (health gates are live-only and not shown)");
            console.WriteLine($"daily_lock_state = {(dailyLocked ? 1 : 0)}, dd_state = {(saved.KillSwitchEngaged ? 1 : 0)}");
            console.WriteLine($"audited unlocks: {store.ReadAudit().Count} ({store.AuditPath})");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Unlock(CliContext context)
    {
        var directory = ConfigDirectory();
        var state = StateFile();
        var reason = new Option<string>("--reason") { Description = "Why the halt may be lifted (required, written to the audit log).", Required = true };
        var operatorName = new Option<string>("--operator") { Description = "Who lifts it (required, written to the audit log).", Required = true };
        var command = new Command(
            "unlock",
            "Lift the kill switch: the only way to end a kill-switch halt. Appends time, operator, reason and the lifted halt to the audit log " +
            "beside the state file. Exit 0 (also when nothing was engaged); 2 without a reason or operator.")
        {
            reason,
            operatorName,
            directory,
            state,
        };
        command.SetAction(parseResult =>
        {
            var why = parseResult.GetRequiredValue(reason);
            var who = parseResult.GetRequiredValue(operatorName);
            if (string.IsNullOrWhiteSpace(why))
            {
                throw new ArgumentException("quorum risk unlock: --reason must not be empty; it is written to the audit log");
            }

            var (configuration, store) = Open(context, parseResult.GetRequiredValue(directory), parseResult.GetValue(state));
            var governor = new Governor(configuration.Governance, configuration.GovernanceSha256, store);
            var engagedAt = governor.PersistedState.KillSwitchEngagedAtMs;
            if (!governor.Unlock(who, why, TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds()))
            {
                context.Console.WriteLine($"kill switch is not engaged ({store.StatePath}); nothing to unlock, nothing written");
                return ExitCodes.Ok;
            }

            context.Console.WriteLine($"kill switch engaged since {Iso(engagedAt)} unlocked by {who.Trim()}: {why.Trim()}");
            context.Console.WriteLine($"audit log: {store.AuditPath}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static (QuorumConfiguration Configuration, FileGovernorStateStore Store) Open(CliContext context, DirectoryInfo directory, FileInfo? state)
    {
        var configuration = ConfigLoader.LoadDirectory(directory.FullName, context.Environment.Get);
        var path = state?.FullName ?? Path.Combine(
            QuorumPaths.DataDirectory(configuration.Quorum, context.Environment.HomeDirectory), "risk", FileGovernorStateStore.DefaultFileName);
        return (configuration, new FileGovernorStateStore(path));
    }

    private static string Iso(long? timeMs) =>
        timeMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "(unknown)";
}
