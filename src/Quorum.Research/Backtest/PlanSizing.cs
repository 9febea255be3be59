using Quorum.Core.Instruments;
using Quorum.Core.Trading;

namespace Quorum.Research.Backtest;

/// <summary>Shared end of every sizer: minimum checks and the plan with the strategy's name and reason in its metadata.</summary>
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

        return SizingDecision.Of(new Plan(
            signal.Symbol,
            signal.Side,
            quantity,
            entry,
            stop,
            riskPercent: riskPercent,
            metadata:
            [
                KeyValuePair.Create<string, object>(StrategyKey, signal.Strategy),
                KeyValuePair.Create<string, object>(ReasonKey, signal.Reason),
            ]));
    }

    /// <summary>The sizer a strategy uses: all-in for <c>buy_and_hold</c>, fixed-fractional otherwise.</summary>
    public static IPlanSizer For(string strategy, decimal riskPercent) =>
        strategy == Strategies.BuiltIn.BuyAndHold.StrategyName ? new AllInPlanSizer() : new RiskPercentPlanSizer(riskPercent);
}
