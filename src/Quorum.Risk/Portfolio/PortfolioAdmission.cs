using Quorum.Configuration;
using Quorum.Core.Instruments;
using Quorum.Core.Trading;
using static System.FormattableString;

namespace Quorum.Risk.Portfolio;

/// <summary>
/// Seed 001 <c>portfolio.admit(plan)</c>: checks a plan against the open positions of <see cref="Positions"/>. A plan
/// that would put total open risk above <c>max_portfolio_r_pct</c>, gross exposure above <c>leverage_cap</c> × equity or
/// |net exposure| above <see cref="PortfolioLimits.MaxNetExposure"/> × equity is cut to what fits (resized, when the cut
/// still meets the exchange minimums) or denied; a plan above <see cref="PortfolioLimits.MaxConcurrentR"/> or one that
/// would make more than <see cref="PortfolioLimits.MaxCorrelatedPositions"/> positions with |ρ| above the threshold is
/// denied (so no new position opens while every candidate is too correlated with what is open). Allocation-free when the
/// plan is approved unchanged.
/// </summary>
public sealed class PortfolioAdmission
{
    private readonly GovernanceConfig _governance;
    private readonly PortfolioLimits _limits;

    public PortfolioAdmission(GovernanceConfig governance, PortfolioLimits? limits = null, CorrelationMatrix? correlations = null, PositionBook? positions = null)
    {
        _governance = governance ?? throw new ArgumentNullException(nameof(governance));
        _limits = limits ?? PortfolioLimits.Default;
        _limits.Validate();
        Correlations = correlations ?? new CorrelationMatrix(_limits.CorrelationWindowDays);
        Positions = positions ?? new PositionBook();
    }

    public PortfolioLimits Limits => _limits;

    /// <summary>Open positions the limits apply to.</summary>
    public PositionBook Positions { get; }

    /// <summary>Correlations of daily returns between base assets.</summary>
    public CorrelationMatrix Correlations { get; }

    /// <summary>Admits, resizes or denies <paramref name="plan"/> at account equity <paramref name="equity"/>.</summary>
    public RiskDecision Admit(Plan plan, decimal equity, Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(instrument);
        if (equity <= 0m)
        {
            return RiskDecision.Deny(RiskRule.InvalidInput, $"{plan.Symbol}: equity {equity} is not positive");
        }

        var book = Positions;
        var existing = book.Find(plan.Symbol);
        var isAdd = existing is not null;
        if (!isAdd)
        {
            var concurrent = book.ConcurrentR();
            if (concurrent + plan.RiskR > _limits.MaxConcurrentR)
            {
                return RiskDecision.Deny(
                    RiskRule.ConcurrentR,
                    Invariant($"{plan.Symbol}: {concurrent}R open + {plan.RiskR}R would exceed the portfolio's {_limits.MaxConcurrentR} concurrent R"));
            }

            if (CorrelationDenial(plan.Symbol) is { } correlated)
            {
                return correlated;
            }
        }

        var contract = instrument.ContractSize;
        var quantity = plan.Quantity;
        var rule = RiskRule.None;

        // Total open risk: the plan adds its own risk; an add re-prices the position's risk at the combined stop.
        var riskRoom = (equity * _governance.MaxPortfolioRiskPercent / 100m) - book.OpenRisk();
        var riskPerUnit = plan.RiskPerUnit * contract;
        if (isAdd)
        {
            // The combined stop is at break-even or better: the whole position then risks nothing more than before.
            riskRoom += existing!.Value.OpenRisk;
            riskRoom -= Math.Max(0m, plan.Side.Sign() * (existing.Value.AverageEntry - plan.StopLoss)) * existing.Value.Quantity * contract;
        }

        Limit(ref quantity, ref rule, riskRoom / riskPerUnit, RiskRule.PortfolioRisk);

        var unitNotional = plan.Entry * contract;
        var grossRoom = (equity * _governance.LeverageCap) - book.GrossExposure();
        Limit(ref quantity, ref rule, grossRoom / unitNotional, RiskRule.Leverage);

        var net = book.NetExposure();
        var netRoom = (equity * _limits.MaxNetExposure) - (plan.Side.Sign() * net);
        Limit(ref quantity, ref rule, netRoom / unitNotional, RiskRule.NetExposure);

        if (rule == RiskRule.None)
        {
            return RiskDecision.Approve(plan);
        }

        var cut = quantity <= 0m ? 0m : instrument.FloorQuantity(quantity);
        var why = rule switch
        {
            RiskRule.PortfolioRisk => Invariant(
                $"open risk {book.OpenRisk():0.##} + plan {plan.RiskAmount * contract:0.##} would exceed max_portfolio_r_pct {_governance.MaxPortfolioRiskPercent}% of equity {equity:0.##}"),
            RiskRule.Leverage => Invariant(
                $"gross exposure {book.GrossExposure():0.##} + plan {plan.Notional * contract:0.##} would exceed leverage_cap {_governance.LeverageCap} × equity {equity:0.##}"),
            _ => Invariant(
                $"net exposure {net:0.##} + plan {plan.Side.Sign() * plan.Notional * contract:0.##} would exceed {_limits.MaxNetExposure} × equity {equity:0.##}"),
        };
        if (cut <= 0m || cut < instrument.MinQuantity || instrument.Notional(plan.Entry, cut) < instrument.MinNotional)
        {
            return RiskDecision.Deny(rule, $"{plan.Symbol}: {why}; what fits ({cut}) is below the instrument's minimums");
        }

        var resized = new Plan(
            plan.Symbol,
            plan.Side,
            cut,
            plan.Entry,
            plan.StopLoss,
            plan.TakeProfits,
            plan.Trail,
            plan.RiskPercent is null ? null : Math.Min(plan.RiskPercent.Value, riskPerUnit * cut * 100m / equity),
            plan.Metadata,
            plan.RiskR);
        return RiskDecision.Resize(resized, rule, Invariant($"{plan.Symbol}: {why}; quantity {plan.Quantity} cut to {cut}"));
    }

    private RiskDecision? CorrelationDenial(Symbol symbol)
    {
        var correlated = 0;
        var positions = Positions.Positions;
        for (var i = 0; i < positions.Count; i++)
        {
            var other = positions[i].Symbol;
            if (other != symbol && Math.Abs(Correlations.Correlation(symbol, other)) > _limits.CorrelationThreshold)
            {
                correlated++;
            }
        }

        if (correlated + 1 <= _limits.MaxCorrelatedPositions)
        {
            return null;
        }

        return CorrelationDenial(symbol, correlated);
    }

    /// <summary>The denial text (kept out of <see cref="CorrelationDenial(Symbol)"/>: its lambdas would allocate a closure on every call).</summary>
    private RiskDecision CorrelationDenial(Symbol symbol, int correlated)
    {
        var names = string.Join(
            ", ",
            Positions.Positions
                .Where(p => p.Symbol != symbol && Math.Abs(Correlations.Correlation(symbol, p.Symbol)) > _limits.CorrelationThreshold)
                .Select(p => Invariant($"{p.Symbol} ρ={Correlations.Correlation(symbol, p.Symbol):0.00}")));
        return RiskDecision.Deny(
            RiskRule.Correlation,
            Invariant($"{symbol}: {correlated} open position(s) with |ρ| > {_limits.CorrelationThreshold} ({names}); at most {_limits.MaxCorrelatedPositions} correlated positions"));
    }

    private static void Limit(ref decimal quantity, ref RiskRule rule, decimal allowed, RiskRule limit)
    {
        if (allowed < quantity)
        {
            quantity = allowed;
            rule = limit;
        }
    }
}
