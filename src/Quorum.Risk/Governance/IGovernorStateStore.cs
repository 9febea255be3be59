namespace Quorum.Risk.Governance;

/// <summary>
/// Where the governor state (kill switch, daily lock) is persisted so that a halt survives a restart (a file until the persistence issue's store
/// exists: <see cref="FileGovernorStateStore"/>).
/// </summary>
public interface IGovernorStateStore
{
    /// <summary>The saved state; null when nothing was ever saved.</summary>
    GovernorState? Load();

    /// <summary>Saves <paramref name="state"/> durably (atomically: a reader sees the old or the new state).</summary>
    void Save(GovernorState state);

    /// <summary>Appends an unlock to the audit log (never rewritten).</summary>
    void AppendAudit(KillSwitchUnlock unlock);

    /// <summary>Every unlock in the audit log, oldest first.</summary>
    IReadOnlyList<KillSwitchUnlock> ReadAudit();
}
