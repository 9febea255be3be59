namespace Quorum.Risk.Governance;

/// <summary>
/// The governor's persisted state: the kill switch (survives restarts; only an audited unlock lifts it) and the daily
/// lock (survives a restart within its UTC day).
/// </summary>
/// <param name="KillSwitchEngaged">True while the kill switch halts trading.</param>
/// <param name="KillSwitchEngagedAtMs">When it engaged (UTC ms); null when not engaged.</param>
/// <param name="KillSwitchReason">Why it engaged (drawdown, peak, equity), or the last unlock's reason.</param>
/// <param name="DailyLockUntilMs">End of the daily lock (next UTC midnight); null when not locked.</param>
/// <param name="DailyLockReason">Why the daily lock engaged; empty when not locked.</param>
/// <param name="GovernanceSha256">Hash of the governance.yaml in force when the state was written.</param>
public sealed record GovernorState(
    bool KillSwitchEngaged,
    long? KillSwitchEngagedAtMs,
    string KillSwitchReason,
    long? DailyLockUntilMs,
    string DailyLockReason,
    string GovernanceSha256)
{
    /// <summary>Nothing locked, never was.</summary>
    public static GovernorState Clear(string governanceSha256) => new(false, null, string.Empty, null, string.Empty, governanceSha256);
}
