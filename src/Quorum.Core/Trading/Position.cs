using Quorum.Core.Instruments;

namespace Quorum.Core.Trading;

/// <summary>
/// An open (or just closed) position in one symbol: side, size, average entry price, realized PnL
/// and fees so far. PnL is in the quote asset of a linear instrument (quantity in base units).
/// A flat position has quantity 0 and keeps its realized PnL.
/// </summary>
public sealed record Position
{
    public Position(
        Symbol symbol,
        PositionSide side,
        decimal quantity,
        decimal averageEntryPrice,
        decimal realizedPnl = 0m,
        decimal fees = 0m)
    {
        Symbol = Guard.Symbol(symbol);
        Side = Guard.Defined(side);
        Quantity = Guard.NonNegative(quantity, $"position {symbol} quantity");
        AverageEntryPrice = quantity > 0m
            ? Guard.Positive(averageEntryPrice, $"position {symbol} average entry price")
            : Guard.NonNegative(averageEntryPrice, $"position {symbol} average entry price");
        RealizedPnl = realizedPnl;
        Fees = fees;
    }

    public Symbol Symbol { get; }

    public PositionSide Side { get; }

    /// <summary>Size (base asset units), ≥ 0; 0 when flat.</summary>
    public decimal Quantity { get; }

    public decimal AverageEntryPrice { get; }

    /// <summary>PnL already realized by reductions (quote asset), before fees.</summary>
    public decimal RealizedPnl { get; }

    /// <summary>Fees paid so far (quote asset; negative for net rebates).</summary>
    public decimal Fees { get; }

    public bool IsFlat => Quantity == 0m;

    /// <summary>Signed size: positive for long, negative for short.</summary>
    public decimal SignedQuantity => Side.Sign() * Quantity;

    /// <summary>Entry notional: average entry price × quantity.</summary>
    public decimal CostBasis => AverageEntryPrice * Quantity;

    /// <summary>PnL if closed at <paramref name="markPrice"/> now: (mark − entry) × quantity, sign-flipped for a short.</summary>
    public decimal UnrealizedPnl(decimal markPrice) =>
        Side.Sign() * (Guard.Positive(markPrice, $"position {Symbol} mark price") - AverageEntryPrice) * Quantity;

    /// <summary>Market value at <paramref name="markPrice"/>: mark × quantity (unsigned).</summary>
    public decimal Notional(decimal markPrice) => Guard.Positive(markPrice, $"position {Symbol} mark price") * Quantity;

    /// <summary>Realized + unrealized PnL at <paramref name="markPrice"/>, minus fees.</summary>
    public decimal NetPnl(decimal markPrice) => RealizedPnl + UnrealizedPnl(markPrice) - Fees;

    public override string ToString() =>
        IsFlat
            ? $"{Symbol} flat realized {RealizedPnl} fees {Fees}"
            : $"{Side.ToSeedText()} {Quantity} {Symbol} @ {AverageEntryPrice} realized {RealizedPnl} fees {Fees}";
}
