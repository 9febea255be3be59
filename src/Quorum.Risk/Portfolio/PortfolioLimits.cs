namespace Quorum.Risk.Portfolio;

/// <summary>
/// Portfolio limits that governance.yaml does not fix (seed 001 <c>portfolio.py</c>: max concurrent R, net/gross exposure,
/// correlations). <c>leverage_cap</c> and <c>max_portfolio_r_pct</c> always come from governance.yaml.
/// </summary>
public sealed record PortfolioLimits
{
    /// <summary>Largest sum of <see cref="Core.Trading.Plan.RiskR"/> over positions that still carry risk. Default 3.</summary>
    public decimal MaxConcurrentR { get; init; } = 3m;

    /// <summary>Largest |net exposure| / equity (long notional − short notional). Default 3 (the seed's leverage cap).</summary>
    public decimal MaxNetExposure { get; init; } = 3m;

    /// <summary>Correlation above which two positions count as correlated: |ρ| &gt; this. Default 0.7 (seed 001).</summary>
    public double CorrelationThreshold { get; init; } = 0.7;

    /// <summary>Most open positions allowed in one group of mutually correlated symbols (seed 001: 2–3). Default 2.</summary>
    public int MaxCorrelatedPositions { get; init; } = 2;

    /// <summary>Days of daily returns in the rolling Pearson correlation. Default 90 (seed 001).</summary>
    public int CorrelationWindowDays { get; init; } = 90;

    /// <summary>The defaults.</summary>
    public static PortfolioLimits Default { get; } = new();

    internal void Validate()
    {
        Check(MaxConcurrentR is > 0m and <= 100m, nameof(MaxConcurrentR), MaxConcurrentR, "0 < x ≤ 100");
        Check(MaxNetExposure is > 0m and <= 100m, nameof(MaxNetExposure), MaxNetExposure, "0 < x ≤ 100");
        Check(CorrelationThreshold is > 0.0 and < 1.0, nameof(CorrelationThreshold), CorrelationThreshold, "0 < x < 1");
        Check(MaxCorrelatedPositions is >= 1 and <= 100, nameof(MaxCorrelatedPositions), MaxCorrelatedPositions, "1 ≤ x ≤ 100");
        Check(CorrelationWindowDays is >= 2 and <= 3650, nameof(CorrelationWindowDays), CorrelationWindowDays, "2 ≤ x ≤ 3650");
    }

    private static void Check(bool ok, string name, object value, string allowed)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, value, $"portfolio limit {name} = {value} is out of range ({allowed})");
        }
    }
}
