namespace Quorum.Execution.Simulation;

/// <summary>
/// How far a taker fill (market, stop-market, marketable or triggered limit) lands from its
/// reference price: <c>reference × (FixedBps / 10 000 + ImpactFactor × (high − low) / open × √(quantity / bar volume))</c>
/// in the adverse direction, plus <see cref="HalfSpreadBps"/> of the reference (reported as the
/// fill's spread). The result is rounded to the tick (adversely) and capped at the bar's range and
/// at the order's limit price, so no fill ever lands outside [low, high]. Maker fills have none.
/// </summary>
public sealed record SlippageModel
{
    public SlippageModel(decimal fixedBps = 0m, decimal impactFactor = 0.1m, decimal halfSpreadBps = 0m)
    {
        FixedBps = fixedBps >= 0m ? fixedBps : throw new ArgumentOutOfRangeException(nameof(fixedBps), fixedBps, $"fixed slippage {fixedBps} bps must be ≥ 0");
        ImpactFactor = impactFactor >= 0m
            ? impactFactor
            : throw new ArgumentOutOfRangeException(nameof(impactFactor), impactFactor, $"impact factor {impactFactor} must be ≥ 0");
        HalfSpreadBps = halfSpreadBps >= 0m
            ? halfSpreadBps
            : throw new ArgumentOutOfRangeException(nameof(halfSpreadBps), halfSpreadBps, $"half-spread {halfSpreadBps} bps must be ≥ 0");
    }

    /// <summary>0 bps fixed, impact factor 0.1, no spread.</summary>
    public static SlippageModel Default { get; } = new();

    /// <summary>No slippage and no spread: taker fills at their reference price.</summary>
    public static SlippageModel None { get; } = new(0m, 0m, 0m);

    /// <summary>Fixed adverse slippage in bps of the reference price (the CLI's <c>--slippage-bps N</c>).</summary>
    public decimal FixedBps { get; }

    /// <summary>k in k × (high − low) / open × √(quantity / bar volume): the volatility/volume (square-root impact) term.</summary>
    public decimal ImpactFactor { get; }

    /// <summary>Modelled half-spread in bps of the reference price; reported as <c>ExecutionReport.Spread</c>.</summary>
    public decimal HalfSpreadBps { get; }
}
