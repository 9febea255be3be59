using Quorum.Risk;
using Quorum.Risk.Governance;

namespace Quorum.Research.Backtest;

/// <summary>
/// What the risk gate decided in a backtest: every decision on an entry signal (approved, resized, denied, with the rule
/// and the reason) and every governor change (daily lock, kill switch), written to result.json under <c>risk</c>.
/// </summary>
/// <param name="GovernanceSha256">Hash of the governance.yaml the run obeyed (or a note when it came from memory).</param>
/// <param name="Decisions">Every decision, in time order.</param>
/// <param name="GovernorEvents">Every lock, kill-switch and health change, in time order.</param>
public sealed record BacktestRiskLog(string GovernanceSha256, IReadOnlyList<RiskDecisionMade> Decisions, IReadOnlyList<GovernorEvent> GovernorEvents)
{
    public int Approved => Decisions.Count(d => d.Verdict == RiskVerdict.Approved);

    public int Resized => Decisions.Count(d => d.Verdict == RiskVerdict.Resized);

    public int Denied => Decisions.Count(d => d.Verdict == RiskVerdict.Denied);

    public int DailyLocks => GovernorEvents.Count(e => e.Kind == GovernorEventKind.DailyLockEngaged);

    public int KillSwitches => GovernorEvents.Count(e => e.Kind == GovernorEventKind.KillSwitchEngaged);

    /// <summary>One line for the run summary.</summary>
    public string Summary =>
        $"risk: {Approved} approved, {Resized} resized, {Denied} denied; daily locks {DailyLocks}, kill switch {KillSwitches}";
}
