namespace Quorum.Execution.Simulation;

/// <summary>
/// Maker and taker fee rates in basis points of the fill's notional (10 bps = 0.10 %). Rebates
/// (negative maker fees) are not modelled: both rates must be ≥ 0.
/// </summary>
public sealed record FeeRates
{
    public FeeRates(decimal makerBps, decimal takerBps)
    {
        MakerBps = makerBps >= 0m
            ? makerBps
            : throw new ArgumentOutOfRangeException(nameof(makerBps), makerBps, $"maker fee {makerBps} bps must be ≥ 0 (rebates are not modelled)");
        TakerBps = takerBps >= 0m
            ? takerBps
            : throw new ArgumentOutOfRangeException(nameof(takerBps), takerBps, $"taker fee {takerBps} bps must be ≥ 0");
    }

    /// <summary>Fee for liquidity that rested in the book, in bps.</summary>
    public decimal MakerBps { get; }

    /// <summary>Fee for liquidity taken (market, stop, marketable limit), in bps.</summary>
    public decimal TakerBps { get; }

    /// <summary>The maker rate as a fraction (bps / 10 000).</summary>
    public decimal MakerRate => MakerBps / 10_000m;

    /// <summary>The taker rate as a fraction (bps / 10 000).</summary>
    public decimal TakerRate => TakerBps / 10_000m;

    public override string ToString() => $"maker {MakerBps} bps / taker {TakerBps} bps";
}
