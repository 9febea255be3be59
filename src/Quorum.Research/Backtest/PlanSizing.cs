using Quorum.Core.Instruments;
using Quorum.Core.Trading;
using Quorum.Execution.Oms;

namespace Quorum.Research.Backtest;

/// <summary>
/// Shared end of every sizer: minimum checks and the plan with the strategy's name and reason in its metadata and the
/// strategy's own exits (<see cref="Signal.Exits"/>: take-profits in R turned into prices, trail, time stop, break-even).
/// </summary>
internal static class PlanSizing
{
    /// <summary>Plan metadata key of the strategy (the OMS reads it for the trade's strategy).</summary>
    public const string StrategyKey = "strategy";

    public const string ReasonKey = "reason";

    public static SizingDecision Finish(Signal signal, Instrument instrument, decimal quantity, decimal entry, decimal stop, decimal riskPercent)
    {
        if (quantity <= 0m || quantity < instrument.Filters.MinQuantity)
        {
            return SizingDecision.Skip($"quantity {quantity} is below the minimum {instrument.Filters.MinQuantity} of {instrument.Symbol}");
        }

        if (quantity * entry < instrument.Filters.MinNotional)
        {
            return SizingDecision.Skip($"notional {quantity * entry} is below the minimum {instrument.Filters.MinNotional} of {instrument.Symbol}");
        }

        var exits = signal.Exits;
        var metadata = new List<KeyValuePair<string, object>>(4)
        {
            KeyValuePair.Create<string, object>(StrategyKey, signal.Strategy),
            KeyValuePair.Create<string, object>(ReasonKey, signal.Reason),
        };
        if (exits?.TimeStopMs is { } timeStop)
        {
            metadata.Add(KeyValuePair.Create<string, object>(PlanMetadataKeys.TimeStopMs, timeStop));
        }

        if (exits?.BreakEvenAtR is { } breakEven)
        {
            metadata.Add(KeyValuePair.Create<string, object>(PlanMetadataKeys.BreakEvenR, breakEven));
        }

        return SizingDecision.Of(new Plan(
            signal.Symbol,
            signal.Side,
            quantity,
            entry,
            stop,
            takeProfits: exits?.TakeProfitsFor(instrument, signal.Side, entry, stop),
            trail: exits?.Trail,
            riskPercent: riskPercent,
            metadata: metadata));
    }

    /// <summary>
    /// The sizer a strategy uses: all-in for <c>buy_and_hold</c> (the benchmark, not a trading strategy); the run's risk gate when it
    /// obeys a governance.yaml (one <see cref="RiskGateSizer"/> shared by every strategy of the account); otherwise the fixed-fractional
    /// research sizer at <paramref name="riskPercent"/>.
    /// </summary>
    public static IPlanSizer For(string strategy, decimal riskPercent, RiskGateSizer? riskGate = null) =>
        strategy == Strategies.BuiltIn.BuyAndHold.StrategyName ? new AllInPlanSizer()
        : riskGate ?? (IPlanSizer)new RiskPercentPlanSizer(riskPercent);
}
