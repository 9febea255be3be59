using Quorum.Core;
using Quorum.Core.Instruments;
using Quorum.Core.Trading;
using Quorum.Execution.Venues;

namespace Quorum.Execution.Accounting;

/// <summary>The write side: fills, funding payments and marks.</summary>
public sealed partial class PortfolioLedger
{
    /// <summary>Applies <paramref name="fill"/> on the market type its symbol names.</summary>
    public void ApplyFill(Fill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        ApplyFill(fill, fill.Symbol.MarketType);
    }

    /// <summary>
    /// Applies <paramref name="fill"/>. Spot: a buy spends price × quantity of quote and adds quantity of base, a sale
    /// does the reverse and realizes proceeds − proportional cost; selling more base than held throws. Perpetual: the
    /// signed size moves by ± quantity; a reduction or flip realizes PnL into the quote wallet. The fee is then taken
    /// from the fee asset (quote, or a held asset disposed of at its price).
    /// </summary>
    public void ApplyFill(Fill fill, MarketType marketType)
    {
        ArgumentNullException.ThrowIfNull(fill);
        var symbol = fill.Symbol;
        if (symbol.MarketType != marketType)
        {
            throw new ArgumentException($"fill of {fill.ClientOrderId} on {symbol} is a {symbol.MarketType} symbol, but market type {marketType} was given", nameof(marketType));
        }

        RequireQuote(symbol, nameof(fill));
        if (marketType == MarketType.Spot)
        {
            ApplySpotFill(fill);
        }
        else
        {
            ApplyPerpetualFill(fill);
        }
    }

    /// <summary>
    /// Adds <see cref="FundingPayment.Amount"/> (received; negative when paid) to the quote wallet and to
    /// <see cref="Funding"/>. The payment must be on the size the ledger holds: a different size means the ledger and
    /// the venue disagree, which is a bug upstream.
    /// </summary>
    public void ApplyFunding(FundingPayment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (!payment.Symbol.IsPerpetual)
        {
            throw new ArgumentException($"funding payment on {payment.Symbol}: funding applies only to perpetuals", nameof(payment));
        }

        RequireQuote(payment.Symbol, nameof(payment));
        var book = _perpetualsBySymbol.Find(payment.Symbol);
        var held = book?.SignedQuantity ?? 0m;
        if (held != payment.SignedPositionQuantity)
        {
            throw new InvalidOperationException(
                $"funding payment on {payment.Symbol} at {payment.TimeMs} settles a position of {payment.SignedPositionQuantity}, but the ledger holds {held}");
        }

        Cash += payment.Amount;
        Funding += payment.Amount;
        if (book is not null)
        {
            book.Funding += payment.Amount;
        }
    }

    /// <summary>
    /// Sets the mark (last price) of <paramref name="symbol"/>: a perpetual's position is valued at it, and a spot
    /// symbol's price values the base asset held (whichever venue marked it last).
    /// </summary>
    public void Mark(Symbol symbol, decimal price)
    {
        if (!FastDecimal.IsPositive(price)) // every bar: an inlined sign test, not a decimal compare call
        {
            throw new ArgumentOutOfRangeException(nameof(price), price, $"mark price of {symbol} {price} must be positive (> 0)");
        }

        // A symbol seen before was checked when its book or mark entry was made: one array load finds it.
        if (symbol.IsPerpetual)
        {
            if (_perpetualsBySymbol.Find(symbol) is { } known)
            {
                known.SetMark(price);
                return;
            }
        }
        else if (_spotMarks.Find(symbol) is { } marked)
        {
            marked.Symbol = symbol; // two venues' pairs of one base asset share its holding: the last marked names it
            marked.SetMark(price);
            return;
        }

        RequireQuote(symbol, nameof(symbol));
        if (symbol.IsPerpetual)
        {
            Perpetual(symbol).SetMark(price);
            return;
        }

        var holding = Holding(symbol.BaseAsset);
        _spotMarks.Set(symbol, holding);
        holding.Symbol = symbol;
        holding.SetMark(price);
    }

    private void ApplySpotFill(Fill fill)
    {
        var holding = Holding(fill.Symbol.BaseAsset);
        var notional = fill.Notional;
        if (fill.Side == OrderSide.Sell)
        {
            var needed = fill.Quantity + (fill.FeeAsset == holding.Asset && fill.Fee > 0m ? fill.Fee : 0m);
            if (needed > holding.Balance)
            {
                throw new InvalidOperationException(
                    $"spot sell {fill.ClientOrderId} of {fill.Quantity} {holding.Asset} on {fill.Symbol} needs {needed} {holding.Asset} (fee included) but {holding.Balance} is held: spot short sales are impossible");
            }
        }

        RequireFeeAffordable(fill, holding);
        holding.Symbol = fill.Symbol;
        holding.SeeFillPrice(fill.Price);
        if (fill.Side == OrderSide.Buy)
        {
            Cash -= notional;
            holding.Acquire(fill.Quantity, notional);
        }
        else
        {
            var realizedBefore = holding.RealizedPnl;
            holding.Remove(fill.Quantity, fill.Price, fill);
            RealizedPnl += holding.RealizedPnl - realizedBefore;
            Cash += notional;
        }

        holding.Fees += ChargeFee(fill);
    }

    private void ApplyPerpetualFill(Fill fill)
    {
        RequireFeeAffordable(fill, null);
        var book = Perpetual(fill.Symbol);
        book.SeeFillPrice(fill.Price);
        var realized = book.Apply(fill.Side.Sign() * fill.Quantity, fill.Price);
        RealizedPnl += realized;
        Cash += realized;
        book.Fees += ChargeFee(fill);
    }

    /// <summary>Takes the fee from its asset and returns its quote value (counted in <see cref="Fees"/>).</summary>
    private decimal ChargeFee(Fill fill)
    {
        if (fill.Fee == 0m)
        {
            return 0m;
        }

        if (fill.FeeAsset == QuoteAsset)
        {
            Cash -= fill.Fee;
            Fees += fill.Fee;
            return fill.Fee;
        }

        // A fee in another asset spends (or, as a rebate, adds) that asset at its price: the fill price when it is the
        // fill's own base asset on spot, otherwise the asset's mark.
        var holding = Holding(fill.FeeAsset);
        var price = !fill.Symbol.IsPerpetual && fill.Symbol.BaseAsset == holding.Asset
            ? fill.Price
            : holding.HasPrice
                ? holding.Price
                : throw new InvalidOperationException(
                    $"fill {fill.ClientOrderId} on {fill.Symbol} charges its fee in {fill.FeeAsset}, which has no price: mark a spot {fill.FeeAsset}{QuoteAsset} symbol first");
        var value = price * fill.Fee;
        if (fill.Fee > 0m)
        {
            var realizedBefore = holding.RealizedPnl;
            holding.Remove(fill.Fee, price, fill);
            RealizedPnl += holding.RealizedPnl - realizedBefore;
        }
        else
        {
            holding.Acquire(-fill.Fee, -value);
        }

        Fees += value;
        return value;
    }

    private void RequireFeeAffordable(Fill fill, AssetHolding? tradedHolding)
    {
        if (fill.Fee <= 0m || fill.FeeAsset == QuoteAsset)
        {
            return;
        }

        var held = _holdingsByAsset.TryGetValue(fill.FeeAsset, out var holding) ? holding.Balance : 0m;
        if (holding is not null && holding == tradedHolding)
        {
            // A buy adds the base before the fee is taken from it; a sale's need was checked with the fee included.
            held += fill.Side == OrderSide.Buy ? fill.Quantity : -fill.Quantity;
        }

        if (fill.Fee > held)
        {
            throw new InvalidOperationException(
                $"fill {fill.ClientOrderId} on {fill.Symbol} charges a fee of {fill.Fee} {fill.FeeAsset} but only {held} {fill.FeeAsset} would be held");
        }
    }

    private void RequireQuote(Symbol symbol, string parameterName)
    {
        if (symbol.Venue.Code is null)
        {
            throw new ArgumentException("symbol is required (got the default, empty symbol)", parameterName);
        }

        if (symbol.QuoteAsset != QuoteAsset)
        {
            throw new ArgumentException(
                $"{symbol} is quoted in {symbol.QuoteAsset}, but this ledger counts money in {QuoteAsset} (only {QuoteAsset}-quoted symbols are supported)",
                parameterName);
        }
    }
}
