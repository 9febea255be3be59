namespace Quorum.Risk.Portfolio;

/// <summary>Seed 003 <c>RiskCheckResult</c>: a status and, unless approved, the reason with the numbers.</summary>
public readonly record struct RiskCheckResult(RiskCheckStatus Status, string Reason)
{
    public bool IsApproved => Status == RiskCheckStatus.Approved;

    public static RiskCheckResult Approved { get; } = new(RiskCheckStatus.Approved, string.Empty);

    /// <summary>The seed's name of the status, e.g. <c>REJECTED_EXPOSURE</c>.</summary>
    public string StatusText => Status switch
    {
        RiskCheckStatus.Approved => "APPROVED",
        RiskCheckStatus.RejectedExposure => "REJECTED_EXPOSURE",
        RiskCheckStatus.RejectedPairLimit => "REJECTED_PAIR_LIMIT",
        RiskCheckStatus.RejectedPortfolioHalted => "REJECTED_PORTFOLIO_HALTED",
        _ => "REJECTED_CORRELATION",
    };

    public override string ToString() => Reason.Length == 0 ? StatusText : $"{StatusText}: {Reason}";
}
