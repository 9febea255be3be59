using System.Runtime.InteropServices;
using Quorum.Core;
using Quorum.Core.Instruments;
using Quorum.Core.Trading;

namespace Quorum.Execution.Accounting;

/// <summary>
/// The bot's own books, built only from fills, funding payments and mark prices: balances per asset, positions,
/// realized and unrealized PnL, fees, funding, exposure, leverage and the equity curve. All money is decimal in the
/// ledger's quote asset (e.g. USDT); every traded symbol must be quoted in it.
/// <para>
/// Spot: a buy spends price × quantity of quote and adds the base asset, a sale does the reverse; each base asset
/// keeps its cost basis, and a sale realizes proceeds − proportional cost. Selling more than is held throws (a spot
/// short sale is a bug upstream). Perpetuals (linear): a signed position with an entry notional; a reduction or
/// flip realizes sign × (price × closed − proportional entry cost) into the quote wallet. Fees come out of the fee
/// asset's balance (quote, or a held asset disposed of at its price). Funding is added to the wallet as received.
/// </para>
/// <para>
/// Equity = cash + Σ spot balances × mark + Σ perpetual unrealized PnL. A symbol's mark is the last
/// <see cref="Mark"/> price, or its last fill price while it has never been marked. See docs/accounting-and-statistics.md.
/// </para>
/// </summary>
public sealed partial class PortfolioLedger
{
    private readonly Dictionary<string, AssetHolding> _holdingsByAsset = new(StringComparer.Ordinal);
    private readonly List<AssetHolding> _holdings = [];
    private readonly SymbolMap<PerpetualBook> _perpetualsBySymbol = new();
    private readonly List<PerpetualBook> _perpetuals = [];

    /// <summary>Spot symbols already marked, to their base asset's holding: the per-bar <see cref="Mark"/> skips the asset lookup.</summary>
    private readonly SymbolMap<AssetHolding> _spotMarks = new();

    /// <summary>A ledger holding <paramref name="initialCash"/> of <paramref name="quoteAsset"/> and nothing else.</summary>
    public PortfolioLedger(string quoteAsset, decimal initialCash, int equityCurveCapacity = EquityCurve.DefaultCapacity)
        : this(quoteAsset, new Dictionary<string, decimal>(StringComparer.Ordinal) { [NormalizeAsset(quoteAsset, nameof(quoteAsset))] = initialCash }, equityCurveCapacity)
    {
    }

    /// <summary>
    /// A ledger in <paramref name="quoteAsset"/> starting from <paramref name="initialBalances"/> (asset → amount, each
    /// ≥ 0). A non-quote initial balance gets its cost basis at the first price seen for it (mark or fill).
    /// </summary>
    public PortfolioLedger(string quoteAsset, IReadOnlyDictionary<string, decimal> initialBalances, int equityCurveCapacity = EquityCurve.DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(initialBalances);
        QuoteAsset = NormalizeAsset(quoteAsset, nameof(quoteAsset));
        foreach (var (rawAsset, amount) in initialBalances.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var asset = NormalizeAsset(rawAsset, nameof(initialBalances));
            if (amount < 0m)
            {
                throw new ArgumentOutOfRangeException(nameof(initialBalances), amount, $"initial balance of {asset} {amount} must be non-negative (≥ 0)");
            }

            if (asset == QuoteAsset)
            {
                Cash += amount;
                InitialCash += amount;
                continue;
            }

            var holding = Holding(asset);
            holding.Balance += amount;
            holding.CostKnown = holding.Balance == 0m;
        }

        EquityCurve = new EquityCurve(equityCurveCapacity);
    }

    /// <summary>The asset money is counted in (upper case), e.g. <c>USDT</c>.</summary>
    public string QuoteAsset { get; }

    /// <summary>The quote-asset balance the ledger started with.</summary>
    public decimal InitialCash { get; }

    /// <summary>Quote-asset balance: the spot cash and the perpetual wallet (realized PnL, fees and funding included).</summary>
    public decimal Cash { get; private set; }

    /// <summary>PnL realized by spot sales, perpetual reductions and flips, and held assets spent on fees (before fees).</summary>
    public decimal RealizedPnl { get; private set; }

    /// <summary>Fees paid, valued in the quote asset at the time they were charged (negative for net rebates).</summary>
    public decimal Fees { get; private set; }

    /// <summary>Funding received on perpetuals (negative when paid), quote asset.</summary>
    public decimal Funding { get; private set; }

    /// <summary>The equity samples taken by <see cref="RecordEquity"/>.</summary>
    public EquityCurve EquityCurve { get; }

    /// <summary>Balance of <paramref name="asset"/> (0 when never held).</summary>
    public decimal Balance(string asset)
    {
        var normalized = NormalizeAsset(asset, nameof(asset));
        return normalized == QuoteAsset ? Cash
            : _holdingsByAsset.TryGetValue(normalized, out var holding) ? holding.Balance
            : 0m;
    }

    /// <summary>Every asset the ledger has held, with its balance, in ordinal order of the asset name (the quote asset included).</summary>
    public IReadOnlyDictionary<string, decimal> Balances
    {
        get
        {
            var balances = new SortedDictionary<string, decimal>(StringComparer.Ordinal) { [QuoteAsset] = Cash };
            foreach (var holding in _holdings)
            {
                balances[holding.Asset] = holding.Balance;
            }

            return balances;
        }
    }

    /// <summary>
    /// Open positions in ordinal symbol order: each spot asset held (a long, under the spot symbol it was last traded
    /// or marked on; an initial balance never priced is only in <see cref="Balances"/>) and each non-flat perpetual.
    /// </summary>
    public IReadOnlyList<Position> Positions
    {
        get
        {
            var positions = new List<Position>();
            foreach (var holding in _holdings)
            {
                if (holding.Balance > 0m && holding.Symbol.Venue.Code is not null && holding.CostKnown)
                {
                    positions.Add(SpotPosition(holding));
                }
            }

            foreach (var book in _perpetuals)
            {
                if (book.SignedQuantity != 0m)
                {
                    positions.Add(PerpetualPosition(book));
                }
            }

            positions.Sort(static (a, b) => a.Symbol.CompareTo(b.Symbol));
            return positions;
        }
    }

    /// <summary>Unrealized PnL at the marks: Σ spot (balance × mark − cost) + Σ perpetual sign × (mark × |size| − entry notional).</summary>
    public decimal UnrealizedPnl
    {
        get
        {
            var total = 0m;
            foreach (var holding in _holdings)
            {
                if (holding.CostKnown)
                {
                    total += holding.UnrealizedPnl();
                }
            }

            foreach (var book in _perpetuals)
            {
                total += book.UnrealizedPnl();
            }

            return total;
        }
    }

    /// <summary>Cash + Σ spot balances × mark + Σ perpetual unrealized PnL (throws if a held asset has never been priced).</summary>
    public decimal Equity
    {
        get
        {
            // Read on every bar (the equity curve) and every signal: flat books are skipped without a decimal addition.
            var equity = Cash;
            foreach (var holding in CollectionsMarshal.AsSpan(_holdings)) // spans: no enumerator version checks per bar
            {
                if (!FastDecimal.IsZero(holding.Balance))
                {
                    equity += holding.MarketValue();
                }
            }

            foreach (var book in CollectionsMarshal.AsSpan(_perpetuals))
            {
                if (!FastDecimal.IsZero(book.SignedQuantity))
                {
                    equity += book.UnrealizedPnl();
                }
            }

            return equity;
        }
    }

    /// <summary>Σ signed marked notional: spot balances × mark (long) plus perpetual size × mark (signed).</summary>
    public decimal NetExposure
    {
        get
        {
            var net = 0m;
            foreach (var holding in _holdings)
            {
                net += holding.MarketValue();
            }

            foreach (var book in _perpetuals)
            {
                net += book.SignedNotional();
            }

            return net;
        }
    }

    /// <summary>Σ |marked notional| over spot balances and perpetual positions.</summary>
    public decimal GrossExposure
    {
        get
        {
            var gross = 0m;
            foreach (var holding in _holdings)
            {
                gross += holding.MarketValue();
            }

            foreach (var book in _perpetuals)
            {
                gross += Math.Abs(book.SignedNotional());
            }

            return gross;
        }
    }

    /// <summary>
    /// Gross exposure / equity; 0 when nothing is held; null when something is held and equity is not positive
    /// (leverage is undefined for a wiped-out account).
    /// </summary>
    public decimal? Leverage
    {
        get
        {
            var gross = GrossExposure;
            if (gross == 0m)
            {
                return 0m;
            }

            var equity = Equity;
            return equity > 0m ? gross / equity : null;
        }
    }

    /// <summary>
    /// The position in <paramref name="symbol"/>: for a spot symbol, the base asset held (flat when none); for a
    /// perpetual, its book (flat with realized PnL after a close). Null when the ledger has never seen the symbol.
    /// </summary>
    public Position? GetPosition(Symbol symbol)
    {
        if (symbol.IsPerpetual)
        {
            return _perpetualsBySymbol.Find(symbol) is { } book ? PerpetualPosition(book) : null;
        }

        if (!_holdingsByAsset.TryGetValue(symbol.BaseAsset, out var holding) || !holding.CostKnown)
        {
            return null;
        }

        return new Position(symbol, PositionSide.Long, holding.Balance, holding.Balance == 0m ? 0m : holding.CostBasis / holding.Balance, holding.RealizedPnl, holding.Fees);
    }

    /// <summary>
    /// Appends (<paramref name="timeMs"/>, <see cref="Equity"/>) to <see cref="EquityCurve"/>. Call it once per distinct bar
    /// close time of the primary timeframe, after the marks for that time.
    /// </summary>
    public void RecordEquity(long timeMs) => EquityCurve.Add(timeMs, Equity);

    private static Position SpotPosition(AssetHolding holding) =>
        new(holding.Symbol, PositionSide.Long, holding.Balance, holding.Balance == 0m ? 0m : holding.CostBasis / holding.Balance, holding.RealizedPnl, holding.Fees);

    private static Position PerpetualPosition(PerpetualBook book) =>
        new(
            book.Symbol,
            book.SignedQuantity < 0m ? PositionSide.Short : PositionSide.Long,
            Math.Abs(book.SignedQuantity),
            book.AverageEntryPrice,
            book.RealizedPnl,
            book.Fees);

    private static string NormalizeAsset(string? asset, string parameterName) =>
        string.IsNullOrWhiteSpace(asset) || !asset.Trim().All(char.IsAsciiLetterOrDigit)
            ? throw new ArgumentException($"asset '{asset}' must be non-empty letters/digits, e.g. USDT", parameterName)
            : asset.Trim().ToUpperInvariant();

    private AssetHolding Holding(string asset)
    {
        if (!_holdingsByAsset.TryGetValue(asset, out var holding))
        {
            holding = new AssetHolding(asset);
            _holdingsByAsset.Add(asset, holding);
            _holdings.Add(holding);
        }

        return holding;
    }

    private PerpetualBook Perpetual(Symbol symbol)
    {
        if (_perpetualsBySymbol.Find(symbol) is not { } book)
        {
            book = new PerpetualBook(symbol);
            _perpetualsBySymbol.Set(symbol, book);
            _perpetuals.Add(book);
        }

        return book;
    }
}
