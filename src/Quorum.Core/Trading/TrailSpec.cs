namespace Quorum.Core.Trading;

/// <summary>
/// How a trailing stop follows the price: a percentage of the price (seed 000: 0.3 % by default
/// in the simple orchestrator mode) or a multiple of ATR (2×ATR breakout, 1.5×ATR vol-expansion,
/// 1.8×ATR runner).
/// </summary>
public sealed record TrailSpec
{
    /// <summary>Largest percentage trail (a 100 % trail would put a long's stop at zero).</summary>
    public const decimal MaxPercent = 100m;

    public TrailSpec(TrailKind kind, decimal value)
    {
        Kind = Guard.Defined(kind);
        Value = Guard.Positive(value, kind == TrailKind.Percent ? "trail percent" : "trail ATR multiple");
        if (kind == TrailKind.Percent && value >= MaxPercent)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"trail percent {value} is out of range (0 < percent < {MaxPercent})");
        }
    }

    /// <summary>Seed 000's default trail: 0.3 % of the price.</summary>
    public static TrailSpec DefaultPercent { get; } = new(TrailKind.Percent, 0.3m);

    public TrailKind Kind { get; }

    /// <summary>Percent of the price (0.3 = 0.3 %) for <see cref="TrailKind.Percent"/>; ATR multiple (2 = 2×ATR) for <see cref="TrailKind.Atr"/>.</summary>
    public decimal Value { get; }

    /// <summary>A trail of <paramref name="percent"/> % of the price (0.3 = 0.3 %).</summary>
    public static TrailSpec Percent(decimal percent) => new(TrailKind.Percent, percent);

    /// <summary>A trail of <paramref name="multiple"/> × ATR.</summary>
    public static TrailSpec Atr(decimal multiple) => new(TrailKind.Atr, multiple);

    /// <summary>Distance of the stop from <paramref name="referencePrice"/>; ATR trails need the current <paramref name="atr"/>.</summary>
    public decimal Distance(decimal referencePrice, decimal? atr = null)
    {
        Guard.Positive(referencePrice, "trail reference price");
        return Kind switch
        {
            TrailKind.Percent => referencePrice * Value / 100m,
            TrailKind.Atr => atr is > 0m
                ? atr.Value * Value
                : throw new ArgumentOutOfRangeException(nameof(atr), atr, $"an ATR trail ({Value}×ATR) needs a positive ATR (got {atr?.ToString() ?? "none"})"),
            _ => throw new InvalidOperationException($"unknown trail kind {Kind}"),
        };
    }

    /// <summary>
    /// The trailing stop price for a position of <paramref name="side"/> whose most favourable
    /// price so far is <paramref name="extremePrice"/> (highest high for a long, lowest low for a short).
    /// </summary>
    public decimal StopPrice(PositionSide side, decimal extremePrice, decimal? atr = null) =>
        extremePrice - (side.Sign() * Distance(extremePrice, atr));

    public override string ToString() => Kind == TrailKind.Percent ? $"trail {Value}%" : $"trail {Value}×ATR";
}
