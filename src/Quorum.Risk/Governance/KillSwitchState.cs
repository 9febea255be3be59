namespace Quorum.Risk.Governance;

/// <summary>The persisted kill-switch state (survives restarts; only an audited unlock lifts it).</summary>
/// <param name="Engaged">True while trading is halted.</param>
/// <param name="EngagedAtMs">When it engaged (UTC ms); null when never engaged or after an unlock.</param>
/// <param name="Reason">Why it engaged (drawdown, peak, equity), or the last unlock's reason.</param>
/// <param name="GovernanceSha256">Hash of the governance.yaml in force when the state was written.</param>
public sealed record KillSwitchState(bool Engaged, long? EngagedAtMs, string Reason, string GovernanceSha256)
{
    /// <summary>Not engaged, never was.</summary>
    public static KillSwitchState Clear(string governanceSha256) => new(false, null, string.Empty, governanceSha256);
}
