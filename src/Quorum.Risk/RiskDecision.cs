using Quorum.Core.Trading;

namespace Quorum.Risk;

/// <summary>
/// The risk gate's answer to one intent: the plan to send (approved or resized) or the denial with its
/// rule and reason. A value, never an exception. Approvals carry no reason string, so the approve path
/// allocates nothing but the plan itself.
/// </summary>
public readonly record struct RiskDecision(RiskVerdict Verdict, Plan? Plan, RiskRule Rule, string? Reason)
{
    /// <summary>True when there is a plan to send (approved or resized).</summary>
    public bool IsAccepted => Verdict != RiskVerdict.Denied;

    public static RiskDecision Approve(Plan plan) => new(RiskVerdict.Approved, plan, RiskRule.None, null);

    public static RiskDecision Resize(Plan plan, RiskRule rule, string reason) => new(RiskVerdict.Resized, plan, rule, reason);

    public static RiskDecision Deny(RiskRule rule, string reason) => new(RiskVerdict.Denied, null, rule, reason);

    public override string ToString() =>
        Verdict switch
        {
            RiskVerdict.Approved => $"approved: {Plan}",
            RiskVerdict.Resized => $"resized ({Rule}: {Reason}): {Plan}",
            _ => $"denied ({Rule}): {Reason}",
        };
}
