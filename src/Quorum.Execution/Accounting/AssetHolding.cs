using Quorum.Core.Instruments;
using Quorum.Core.Trading;

namespace Quorum.Execution.Accounting;

/// <summary>
/// The ledger's book for one non-quote asset held on spot (e.g. BTC): balance, the quote cost of that
/// balance, realized PnL from disposals, fees charged on its fills, and its valuation price.
/// </summary>
internal sealed class AssetHolding(string asset)
{
    public string Asset { get; } = asset;

    /// <summary>Units held (≥ 0).</summary>
    public decimal Balance { get; set; }

    /// <summary>Quote cost of <see cref="Balance"/>; meaningful only when <see cref="CostKnown"/>.</summary>
    public decimal CostBasis { get; set; }

    /// <summary>False for an initial balance that has not been priced yet (its cost is set at the first price seen).</summary>
    public bool CostKnown { get; set; } = true;

    public decimal RealizedPnl { get; set; }

    public decimal Fees { get; set; }

    /// <summary>The spot symbol this asset was last traded or marked on (default until then).</summary>
    public Symbol Symbol { get; set; }

    public bool HasPrice { get; private set; }

    /// <summary>True when the price came from a fill, not from <see cref="PortfolioLedger.Mark"/>: later fills keep moving it until a mark arrives.</summary>
    public bool PriceFromFill { get; private set; }

    /// <summary>Valuation price: the last mark, or the last fill price while never marked.</summary>
    public decimal Price { get; private set; }

    public void SetMark(decimal price)
    {
        Price = price;
        HasPrice = true;
        PriceFromFill = false;
        PriceInitialBalance();
    }

    public void SeeFillPrice(decimal price)
    {
        if (!HasPrice || PriceFromFill)
        {
            Price = price;
            HasPrice = true;
            PriceFromFill = true;
        }

        PriceInitialBalance();
    }

    /// <summary>Quote value at the valuation price; throws when a non-zero balance has never been priced.</summary>
    public decimal MarketValue() => Balance == 0m ? 0m : RequirePrice() * Balance;

    public decimal UnrealizedPnl() => Balance == 0m ? 0m : (RequirePrice() * Balance) - CostBasis;

    /// <summary>Adds <paramref name="quantity"/> units bought for <paramref name="cost"/> quote.</summary>
    public void Acquire(decimal quantity, decimal cost)
    {
        Balance += quantity;
        CostBasis += cost;
    }

    /// <summary>
    /// Removes <paramref name="quantity"/> units disposed of at <paramref name="price"/> (a sale or a fee paid in this
    /// asset): the cost removed is the proportional share of the cost basis (all of it when the balance reaches 0, so a
    /// sequence that ends flat realizes exactly proceeds − costs), and price × quantity − that cost is realized.
    /// </summary>
    /// <remarks><paramref name="fill"/> only names the cause in the exception (the message is built only when thrown).</remarks>
    public void Remove(decimal quantity, decimal price, Fill fill)
    {
        if (quantity > Balance)
        {
            throw new InvalidOperationException(
                $"fill {fill.ClientOrderId} on {fill.Symbol}: disposing of {quantity} {Asset} but only {Balance} {Asset} is held (spot short sales are impossible)");
        }

        var costRemoved = quantity == Balance ? CostBasis : CostBasis * quantity / Balance;
        Balance -= quantity;
        CostBasis -= costRemoved;
        RealizedPnl += (price * quantity) - costRemoved;
    }

    private decimal RequirePrice() =>
        HasPrice
            ? Price
            : throw new InvalidOperationException(
                $"{Asset} balance {Balance} has no price: mark a spot symbol {Asset}/quote (PortfolioLedger.Mark) or fill one before valuing the ledger");

    private void PriceInitialBalance()
    {
        if (!CostKnown)
        {
            CostBasis = Balance * Price;
            CostKnown = true;
        }
    }
}
