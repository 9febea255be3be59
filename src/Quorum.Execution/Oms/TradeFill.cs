using Quorum.Core.Trading;

namespace Quorum.Execution.Oms;

/// <summary>
/// One fill of one of a trade's orders, with what the venue said about its price: the reference
/// price the fill model started from, the slippage against it (quote per unit, adverse positive) and
/// the spread paid. <see cref="FeeInQuote"/> is the fee converted to the quote asset (a base-asset fee
/// at the fill price; a fee in a third asset is not convertible here and counts 0 — see <see cref="Trade.OtherAssetFees"/>).
/// </summary>
public sealed record TradeFill(
    Fill Fill,
    TradeFillRole Role,
    string LegId,
    decimal? ReferencePrice,
    decimal? Slippage,
    decimal? Spread,
    decimal FeeInQuote)
{
    /// <summary>Cash the fill moved, in quote: −price × quantity for a buy, + for a sell.</summary>
    public decimal SignedCashFlow => -Fill.Side.Sign() * Fill.Price * Fill.Quantity;

    /// <summary>Slippage × quantity (quote); null when the venue gave no reference price.</summary>
    public decimal? SlippageCost => Slippage * Fill.Quantity;
}
