using Quorum.Core.Instruments;
using static System.FormattableString;

namespace Quorum.Risk.Portfolio;

/// <summary>
/// Seed 003 <c>PortfolioRiskManager</c>: one per application, shared by every bot. <see cref="CheckAllocation"/> answers
/// APPROVED (without reserving), REJECTED_PORTFOLIO_HALTED, REJECTED_PAIR_LIMIT, REJECTED_EXPOSURE or REJECTED_CORRELATION;
/// <see cref="ConfirmAllocation"/> reserves and marks the symbol active; <see cref="ReleaseAllocation"/> gives it back.
/// <see cref="UpdateAllBalances"/> halts the portfolio when the drawdown from the peak of the summed balances reaches
/// <see cref="DrawdownHaltPercent"/>; only <see cref="Resume"/> (manual) lifts it.
/// </summary>
public sealed class PortfolioRiskManager
{
    private readonly Dictionary<Symbol, int> _active = [];
    private readonly List<Symbol> _activeOrder = [];

    public PortfolioRiskManager(
        SharedCapitalPool pool,
        decimal maxSinglePairPercent,
        decimal drawdownHaltPercent,
        CorrelationMatrix? correlations = null,
        double correlationThreshold = 0.7)
    {
        Pool = pool ?? throw new ArgumentNullException(nameof(pool));
        MaxSinglePairPercent = maxSinglePairPercent is > 0m and <= 100m
            ? maxSinglePairPercent
            : throw new ArgumentOutOfRangeException(nameof(maxSinglePairPercent), maxSinglePairPercent, $"max single pair {maxSinglePairPercent}% is out of range (0 < x ≤ 100)");
        DrawdownHaltPercent = drawdownHaltPercent is > 0m and <= 100m
            ? drawdownHaltPercent
            : throw new ArgumentOutOfRangeException(nameof(drawdownHaltPercent), drawdownHaltPercent, $"portfolio drawdown halt {drawdownHaltPercent}% is out of range (0 < x ≤ 100)");
        CorrelationThreshold = correlationThreshold is > 0.0 and < 1.0
            ? correlationThreshold
            : throw new ArgumentOutOfRangeException(nameof(correlationThreshold), correlationThreshold, $"correlation threshold {correlationThreshold} is out of range (0 < x < 1)");
        Correlations = correlations ?? new CorrelationMatrix();
    }

    public SharedCapitalPool Pool { get; }

    /// <summary>Seed <c>max_single_pair_pct</c>: largest allocation on one pair in % of the bot's balance.</summary>
    public decimal MaxSinglePairPercent { get; }

    /// <summary>Seed <c>stop_loss_pct</c>: drawdown of the summed balances from their peak that halts the portfolio, in %.</summary>
    public decimal DrawdownHaltPercent { get; }

    public double CorrelationThreshold { get; }

    public CorrelationMatrix Correlations { get; }

    /// <summary>Symbols with a confirmed allocation, in the order they became active.</summary>
    public IReadOnlyList<Symbol> ActiveSymbols => _activeOrder;

    /// <summary>Highest sum of balances seen.</summary>
    public decimal PeakValue { get; private set; }

    /// <summary>Latest sum of balances.</summary>
    public decimal CurrentValue { get; private set; }

    /// <summary>Seed <c>is_portfolio_halted()</c>.</summary>
    public bool IsHalted { get; private set; }

    /// <summary>Why the portfolio is halted (or the last resume's reason).</summary>
    public string HaltReason { get; private set; } = string.Empty;

    /// <summary>Seed <c>set_correlation(sym_a, sym_b, corr)</c>: overrides a default correlation.</summary>
    public void SetCorrelation(string assetA, string assetB, double correlation) => Correlations.SetCorrelation(assetA, assetB, correlation);

    /// <summary>Seed <c>check_allocation(bot_name, amount, balance?, symbol?)</c>; APPROVED does not reserve the amount.</summary>
    public RiskCheckResult CheckAllocation(string bot, decimal amount, decimal? balance = null, Symbol? symbol = null)
    {
        if (IsHalted)
        {
            return new RiskCheckResult(RiskCheckStatus.RejectedPortfolioHalted, $"portfolio halted: {HaltReason}");
        }

        if (balance is { } b && amount > b * MaxSinglePairPercent / 100m)
        {
            return new RiskCheckResult(
                RiskCheckStatus.RejectedPairLimit, Invariant($"bot {bot}: {amount} > {MaxSinglePairPercent}% of its balance {b} on one pair"));
        }

        if (!Pool.CanAllocate(bot, amount, out var reason))
        {
            return new RiskCheckResult(RiskCheckStatus.RejectedExposure, reason!);
        }

        if (symbol is { } s)
        {
            foreach (var active in _activeOrder)
            {
                if (active != s && Math.Abs(Correlations.Correlation(s, active)) > CorrelationThreshold)
                {
                    return new RiskCheckResult(
                        RiskCheckStatus.RejectedCorrelation,
                        Invariant($"{s} is correlated with active {active} (ρ={Correlations.Correlation(s, active):0.00} > {CorrelationThreshold})"));
                }
            }
        }

        return RiskCheckResult.Approved;
    }

    /// <summary>Seed <c>confirm_allocation(bot_name, amount, symbol?)</c>: reserves the amount and marks the symbol active; false when the pool refuses.</summary>
    public bool ConfirmAllocation(string bot, decimal amount, Symbol? symbol = null)
    {
        if (!Pool.Allocate(bot, amount))
        {
            return false;
        }

        if (symbol is { } s)
        {
            var count = _active.GetValueOrDefault(s);
            if (count == 0)
            {
                _activeOrder.Add(s);
            }

            _active[s] = count + 1;
        }

        return true;
    }

    /// <summary>Seed <c>release_allocation(bot_name, amount, symbol?)</c>: frees the amount and un-marks the symbol.</summary>
    public void ReleaseAllocation(string bot, decimal amount, Symbol? symbol = null)
    {
        Pool.Release(bot, amount);
        if (symbol is { } s && _active.TryGetValue(s, out var count))
        {
            if (count <= 1)
            {
                _active.Remove(s);
                _activeOrder.Remove(s);
            }
            else
            {
                _active[s] = count - 1;
            }
        }
    }

    /// <summary>Seed <c>update_all_balances(balances)</c>: new peak, or a halt when the drawdown reaches <see cref="DrawdownHaltPercent"/>.</summary>
    public void UpdateAllBalances(IEnumerable<KeyValuePair<string, decimal>> balances)
    {
        ArgumentNullException.ThrowIfNull(balances);
        var total = 0m;
        foreach (var (_, balance) in balances)
        {
            total += balance;
        }

        CurrentValue = total;
        PeakValue = Math.Max(PeakValue, total);
        if (!IsHalted && PeakValue > 0m && (PeakValue - total) * 100m / PeakValue >= DrawdownHaltPercent)
        {
            IsHalted = true;
            HaltReason = Invariant($"portfolio drawdown {(PeakValue - total) * 100m / PeakValue:0.###}% (value {total} from peak {PeakValue}) reached {DrawdownHaltPercent}%; manual resume required");
        }
    }

    /// <summary>Seed <c>resume()</c>: the manual lift of a portfolio halt; the peak restarts from the current value.</summary>
    public void Resume(string operatorName, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operatorName);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        IsHalted = false;
        HaltReason = $"resumed by {operatorName}: {reason}";
        PeakValue = CurrentValue;
    }
}
