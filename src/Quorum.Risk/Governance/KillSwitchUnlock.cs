namespace Quorum.Risk.Governance;

/// <summary>One audited manual unlock of the kill switch (a line of the audit log).</summary>
/// <param name="TimeMs">When it was unlocked (UTC ms).</param>
/// <param name="Operator">Who unlocked it.</param>
/// <param name="Reason">Why (required).</param>
/// <param name="EngagedAtMs">When the lifted halt had engaged.</param>
/// <param name="EngagedReason">Why the lifted halt had engaged.</param>
/// <param name="GovernanceSha256">Hash of governance.yaml at the unlock.</param>
public sealed record KillSwitchUnlock(long TimeMs, string Operator, string Reason, long? EngagedAtMs, string EngagedReason, string GovernanceSha256);
