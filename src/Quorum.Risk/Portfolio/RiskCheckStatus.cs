namespace Quorum.Risk.Portfolio;

/// <summary>Seed 003 <c>RiskCheckStatus</c> of <see cref="PortfolioRiskManager.CheckAllocation"/>.</summary>
public enum RiskCheckStatus
{
    /// <summary><c>APPROVED</c> (the allocation is not reserved until confirmed).</summary>
    Approved,

    /// <summary><c>REJECTED_EXPOSURE</c>: the shared pool's global utilization or the bot's cap would be exceeded.</summary>
    RejectedExposure,

    /// <summary><c>REJECTED_PAIR_LIMIT</c>: more than <c>max_single_pair_pct</c> of the bot's balance on one pair.</summary>
    RejectedPairLimit,

    /// <summary><c>REJECTED_PORTFOLIO_HALTED</c>: the portfolio drawdown halt holds until a manual resume.</summary>
    RejectedPortfolioHalted,

    /// <summary><c>REJECTED_CORRELATION</c>: the symbol is too correlated with an active one.</summary>
    RejectedCorrelation,
}
