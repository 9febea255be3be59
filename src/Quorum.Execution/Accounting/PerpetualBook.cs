using Quorum.Core.Instruments;

namespace Quorum.Execution.Accounting;

/// <summary>
/// The ledger's book for one linear perpetual: signed size, the quote cost of that size (entry notional),
/// realized PnL, fees, funding and the mark price. The average entry is <see cref="CostBasis"/> / |size|, so no
/// rounding error accumulates in a stored average.
/// </summary>
internal sealed class PerpetualBook(Symbol symbol)
{
    public Symbol Symbol { get; } = symbol;

    /// <summary>Positive long, negative short, 0 flat.</summary>
    public decimal SignedQuantity { get; private set; }

    /// <summary>Entry notional of the open size (≥ 0; 0 when flat).</summary>
    public decimal CostBasis { get; private set; }

    public decimal RealizedPnl { get; private set; }

    public decimal Fees { get; set; }

    public decimal Funding { get; set; }

    public bool HasMark { get; private set; }

    public bool MarkFromFill { get; private set; }

    public decimal MarkPrice { get; private set; }

    public decimal AverageEntryPrice => SignedQuantity == 0m ? 0m : CostBasis / Math.Abs(SignedQuantity);

    public void SetMark(decimal price)
    {
        MarkPrice = price;
        HasMark = true;
        MarkFromFill = false;
    }

    public void SeeFillPrice(decimal price)
    {
        if (!HasMark || MarkFromFill)
        {
            MarkPrice = price;
            HasMark = true;
            MarkFromFill = true;
        }
    }

    /// <summary>Signed notional at the mark: positive long, negative short.</summary>
    public decimal SignedNotional() => SignedQuantity == 0m ? 0m : SignedQuantity * MarkPrice;

    /// <summary>sign × (mark × |size| − entry notional).</summary>
    public decimal UnrealizedPnl() =>
        SignedQuantity > 0m ? (MarkPrice * SignedQuantity) - CostBasis // sign × (mark × |size| − cost), without multiplying by the sign
        : SignedQuantity < 0m ? CostBasis + (MarkPrice * SignedQuantity)
        : 0m;

    /// <summary>
    /// Applies a fill of <paramref name="signedQuantity"/> (buy &gt; 0, sell &lt; 0) at <paramref name="price"/> and returns the
    /// PnL it realizes (before fees): adds to the size at the fill price, or reduces it realizing
    /// sign × (price × closed − proportional entry cost), and opens the remainder at the fill price on a flip.
    /// </summary>
    public decimal Apply(decimal signedQuantity, decimal price)
    {
        var held = SignedQuantity;
        if (held == 0m || Math.Sign(held) == Math.Sign(signedQuantity))
        {
            SignedQuantity = held + signedQuantity;
            CostBasis += price * Math.Abs(signedQuantity);
            return 0m;
        }

        var heldSize = Math.Abs(held);
        var fillSize = Math.Abs(signedQuantity);
        var closed = Math.Min(heldSize, fillSize);
        var costRemoved = closed == heldSize ? CostBasis : CostBasis * closed / heldSize;
        var realized = Math.Sign(held) * ((price * closed) - costRemoved);
        RealizedPnl += realized;
        CostBasis -= costRemoved;
        SignedQuantity = held + signedQuantity;
        if (fillSize > heldSize)
        {
            // Flip: the remainder opens a new position at the fill price.
            CostBasis = price * (fillSize - heldSize);
        }

        return realized;
    }
}
