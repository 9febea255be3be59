using System.Collections.Immutable;
using Quorum.Core.Instruments;

namespace Quorum.Core.Trading;

/// <summary>
/// A sized, protected trade the risk engine made from a signal (seed 001:
/// <c>Plan(symbol, side, qty, entry, stop, tps, trail, risk_r, meta)</c>). Validated on
/// construction: positive quantity and prices, the stop on the losing side of the entry, every
/// take-profit on the winning side, and take-profit fractions summing to at most 1 (the rest is
/// the runner the trail manages).
/// </summary>
/// <remarks>Money amounts assume a linear instrument (quantity in base units, PnL in the quote asset).</remarks>
public sealed record Plan
{
    public Plan(
        Symbol symbol,
        PositionSide side,
        decimal quantity,
        decimal entry,
        decimal stopLoss,
        IEnumerable<TakeProfit>? takeProfits = null,
        TrailSpec? trail = null,
        decimal? riskPercent = null,
        IEnumerable<KeyValuePair<string, object>>? metadata = null,
        decimal riskR = 1m)
    {
        Symbol = Guard.Symbol(symbol);
        Side = Guard.Defined(side);
        Quantity = Guard.Positive(quantity, "plan quantity");
        Entry = Guard.Positive(entry, "plan entry price");
        StopLoss = Guard.Positive(stopLoss, "plan stop-loss price");
        if (side.Sign() * (entry - stopLoss) <= 0m)
        {
            throw new ArgumentOutOfRangeException(
                nameof(stopLoss),
                stopLoss,
                $"{side.ToSeedText()} plan for {symbol}: stop-loss {stopLoss} must be {(side == PositionSide.Long ? "below" : "above")} entry {entry}");
        }

        TakeProfits = takeProfits?.ToImmutableArray() ?? [];
        var fractionSum = 0m;
        foreach (var takeProfit in TakeProfits)
        {
            ArgumentNullException.ThrowIfNull(takeProfit, nameof(takeProfits));
            if (side.Sign() * (takeProfit.Price - entry) <= 0m)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(takeProfits),
                    takeProfit.Price,
                    $"{side.ToSeedText()} plan for {symbol}: take-profit {takeProfit.Price} must be {(side == PositionSide.Long ? "above" : "below")} entry {entry}");
            }

            fractionSum += takeProfit.Fraction;
        }

        if (fractionSum > 1m)
        {
            throw new ArgumentOutOfRangeException(
                nameof(takeProfits), fractionSum, $"plan for {symbol}: take-profit fractions sum to {fractionSum} (allowed: ≤ 1)");
        }

        TakeProfitFraction = fractionSum;
        Trail = trail;
        if (riskPercent is < 0m or > 100m)
        {
            throw new ArgumentOutOfRangeException(nameof(riskPercent), riskPercent, $"plan risk {riskPercent}% of equity is out of range (0 ≤ risk ≤ 100)");
        }

        RiskPercent = riskPercent;
        if (riskR is <= 0m or > MaxRiskR)
        {
            throw new ArgumentOutOfRangeException(nameof(riskR), riskR, $"plan for {symbol}: risk {riskR}R is out of range (0 < R ≤ {MaxRiskR})");
        }

        RiskR = riskR;
        Metadata = Core.Metadata.From(metadata, nameof(metadata));
    }

    public Symbol Symbol { get; }

    public PositionSide Side { get; }

    /// <summary>Position size (base asset units), &gt; 0.</summary>
    public decimal Quantity { get; }

    /// <summary>Entry price (the limit price, or the reference price of a market entry).</summary>
    public decimal Entry { get; }

    /// <summary>Protective stop price: below the entry for LONG, above for SHORT.</summary>
    public decimal StopLoss { get; }

    /// <summary>Take-profit levels, in the order given.</summary>
    public ImmutableArray<TakeProfit> TakeProfits { get; }

    /// <summary>Trailing stop for what remains after the take-profits; null for none.</summary>
    public TrailSpec? Trail { get; }

    /// <summary>Largest risk one plan may carry, in R.</summary>
    public const decimal MaxRiskR = 10m;

    /// <summary>Risk budget of the plan in percent of equity (what one R of this plan is, e.g. 0.8 = 0.8 %); null when not recorded.</summary>
    public decimal? RiskPercent { get; }

    /// <summary>
    /// The plan's risk in R (seed 001 <c>risk_r</c>): 1 for a full-size trade, 0.3 for seed 001's
    /// pyramiding add at +1R. Default 1.
    /// </summary>
    public decimal RiskR { get; }

    /// <summary>Free-form annotations (seed <c>meta</c>), ordinal-sorted by key.</summary>
    public ImmutableSortedDictionary<string, object> Metadata { get; }

    /// <summary>Sum of the take-profit fractions, in [0, 1].</summary>
    public decimal TakeProfitFraction { get; }

    /// <summary>Share of the position left to the trail or the stop after all take-profits: 1 − <see cref="TakeProfitFraction"/>.</summary>
    public decimal RunnerFraction => 1m - TakeProfitFraction;

    /// <summary>One R per unit: |entry − stop-loss|.</summary>
    public decimal RiskPerUnit => Math.Abs(Entry - StopLoss);

    /// <summary>Money lost (quote asset, before fees and slippage) if the stop is hit: <see cref="RiskPerUnit"/> × <see cref="Quantity"/>.</summary>
    public decimal RiskAmount => RiskPerUnit * Quantity;

    /// <summary>Entry notional (quote asset): entry × quantity.</summary>
    public decimal Notional => Entry * Quantity;

    /// <summary>The price <paramref name="r"/> R away from the entry in the trade's favour (1R, 2R take-profits); negative R is towards the stop.</summary>
    public decimal PriceAtR(decimal r) => Entry + (Side.Sign() * r * RiskPerUnit);

    /// <summary>How many R a move from the entry to <paramref name="price"/> is worth (positive = profit).</summary>
    public decimal RMultiple(decimal price) => Side.Sign() * (price - Entry) / RiskPerUnit;

    public bool Equals(Plan? other) =>
        other is not null &&
        (ReferenceEquals(this, other) ||
         (Symbol == other.Symbol && Side == other.Side && Quantity == other.Quantity && Entry == other.Entry &&
          StopLoss == other.StopLoss && TakeProfits.SequenceEqual(other.TakeProfits) && Equals(Trail, other.Trail) &&
          RiskPercent == other.RiskPercent && RiskR == other.RiskR && Core.Metadata.AreEqual(Metadata, other.Metadata)));

    public override int GetHashCode() =>
        HashCode.Combine(Symbol, Side, Quantity, Entry, StopLoss, TakeProfits.Length, Trail, RiskPercent);

    public override string ToString() =>
        $"{Side.ToSeedText()} {Quantity} {Symbol} @ {Entry} stop {StopLoss}" +
        (TakeProfits.IsEmpty ? string.Empty : $" tp [{string.Join(", ", TakeProfits.Select(tp => $"{tp.Price}×{tp.Fraction}"))}]") +
        (Trail is null ? string.Empty : $" {Trail}") +
        $" risk {RiskR}R" +
        (RiskPercent is { } risk ? $" ({risk}% of equity)" : string.Empty);
}
