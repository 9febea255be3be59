using System.Globalization;
using System.Text.Json;
using Quorum.Research.Backtest;

namespace Quorum.Research.Reports;

/// <summary>
/// The <c>risk</c> object of result.json: the governance hash, counts (approved, resized, denied, daily locks, kill
/// switches), every decision (time, symbol, side, strategy, verdict, rule, reason, quantity and risk of the plan) and every
/// governor event (time, kind, state, reason).
/// </summary>
internal static class RiskJson
{
    public static void Write(Utf8JsonWriter json, BacktestRiskLog risk)
    {
        json.WriteStartObject("risk");
        json.WriteString("governance_sha256", risk.GovernanceSha256);
        json.WriteNumber("approved", risk.Approved);
        json.WriteNumber("resized", risk.Resized);
        json.WriteNumber("denied", risk.Denied);
        json.WriteNumber("daily_locks", risk.DailyLocks);
        json.WriteNumber("kill_switches", risk.KillSwitches);
        json.WriteStartArray("governor_events");
        foreach (var change in risk.GovernorEvents)
        {
            json.WriteStartObject();
            json.WriteString("time", BacktestTime.Format(change.EngineTimeMs));
            json.WriteString("kind", Snake(change.Kind.ToString()));
            json.WriteString("state", change.State.ToString().ToUpperInvariant());
            json.WriteString("reason", change.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("decisions");
        foreach (var decision in risk.Decisions)
        {
            json.WriteStartObject();
            json.WriteString("time", BacktestTime.Format(decision.EngineTimeMs));
            json.WriteString("symbol", decision.Symbol.ToString());
            json.WriteString("side", decision.Side == Core.Trading.PositionSide.Long ? "long" : "short");
            json.WriteString("strategy", decision.Strategy);
            json.WriteString("verdict", decision.Verdict.ToString().ToLowerInvariant());
            json.WriteString("rule", Snake(decision.Rule.ToString()));
            json.WriteString("reason", decision.Reason);
            if (decision.Plan is { } plan)
            {
                json.WriteNumber("quantity", plan.Quantity);
                json.WriteNumber("entry", plan.Entry);
                json.WriteNumber("stop", plan.StopLoss);
                json.WriteNumber("risk_amount", plan.RiskAmount);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary><c>DailyLockEngaged</c> → <c>daily_lock_engaged</c>.</summary>
    private static string Snake(string name)
    {
        var text = new System.Text.StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLower(name[i], CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
