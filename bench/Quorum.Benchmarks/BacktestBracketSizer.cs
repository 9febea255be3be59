using System.Globalization;
using Quorum.Core.Trading;
using Quorum.Research.Backtest;

namespace Quorum.Benchmarks;

/// <summary>
/// The reference strategy's risk layer in the benchmarks: <see cref="RiskPercentPlanSizer"/> (risk a share of equity
/// between the entry and a 2 × ATR(14) stop, capped by cash) plus two take-profits, half the position at +1R and half
/// at +2R, so every entry goes to the venue as a bracket (entry + ATR stop + two take-profits). Benchmark-only: the
/// backtest runner's sizers place no take-profits yet, and the risk issue replaces this seam.
/// </summary>
internal sealed class BacktestBracketSizer(decimal riskPercent) : IPlanSizer
{
    private readonly RiskPercentPlanSizer _inner = new(riskPercent);

    public string Description => string.Create(CultureInfo.InvariantCulture, $"{_inner.Description}; take-profits 50% at 1R and 50% at 2R");

    public SizingDecision Size(Signal signal, SizingContext context)
    {
        var decision = _inner.Size(signal, context);
        if (decision.Plan is not { } plan)
        {
            return decision;
        }

        var instrument = context.Instrument;
        TakeProfit[] takeProfits =
        [
            new(instrument.RoundPrice(plan.PriceAtR(1m)), 0.5m),
            new(instrument.RoundPrice(plan.PriceAtR(2m)), 0.5m),
        ];
        return SizingDecision.Of(new Plan(
            plan.Symbol, plan.Side, plan.Quantity, plan.Entry, plan.StopLoss, takeProfits, plan.Trail, plan.RiskPercent, plan.Metadata, plan.RiskR));
    }
}
