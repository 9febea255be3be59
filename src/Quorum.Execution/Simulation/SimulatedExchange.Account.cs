using Quorum.Core;
using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Trading;
using Quorum.Execution.Venues;

namespace Quorum.Execution.Simulation;

/// <summary>The account: spot balances, isolated-margin perpetual positions, fills, funding, liquidation and equity.</summary>
public sealed partial class SimulatedExchange
{
    /// <summary>Wallet balances per asset (ordinal order). For perpetuals the isolated margin of open positions is not included; see <see cref="IsolatedMargin"/>.</summary>
    public IReadOnlyDictionary<string, decimal> Balances => _balances;

    /// <summary>Open perpetual positions, in listing order.</summary>
    public IReadOnlyList<Position> Positions
    {
        get
        {
            var positions = new List<Position>();
            foreach (var book in _bookList)
            {
                if (book.PositionQuantity != 0m)
                {
                    positions.Add(PositionOf(book));
                }
            }

            return positions;
        }
    }

    /// <summary>The wallet balance of <paramref name="asset"/> (0 when none).</summary>
    public decimal Balance(string asset) => _balances.GetValueOrDefault(asset.ToUpperInvariant());

    /// <summary>The balance of <paramref name="asset"/> not reserved by working orders.</summary>
    public decimal Available(string asset) => _balances.GetValueOrDefault(asset) - _reserved.GetValueOrDefault(asset);

    /// <summary>The perpetual position of <paramref name="symbol"/> (flat: quantity 0, with the realized PnL and fees so far).</summary>
    public Position GetPosition(Symbol symbol) => PositionOf(Book(symbol));

    /// <summary>Isolated margin held by <paramref name="symbol"/>'s position (quote asset).</summary>
    public decimal IsolatedMargin(Symbol symbol) => Book(symbol).IsolatedMargin;

    /// <summary>Price at which <paramref name="symbol"/>'s position is liquidated; null when flat or when it cannot be (a 1× long).</summary>
    public decimal? LiquidationPrice(Symbol symbol) => Book(symbol).LiquidationPrice is > 0m and var price ? price : null;

    /// <summary>The leverage of <paramref name="symbol"/> (default 1).</summary>
    public int GetLeverage(Symbol symbol) => Book(symbol).Leverage;

    /// <summary>Sets the leverage of a perpetual symbol (1 ≤ leverage ≤ max); only while flat.</summary>
    public void SetLeverage(Symbol symbol, int leverage)
    {
        var book = Book(symbol);
        if (!book.IsPerpetual)
        {
            throw new ArgumentException($"{symbol} is spot; leverage applies to perpetuals only", nameof(symbol));
        }

        if (leverage < 1 || leverage > _options.MaxLeverage)
        {
            throw new ArgumentOutOfRangeException(nameof(leverage), leverage, $"{symbol}: leverage {leverage} is out of range (1 ≤ leverage ≤ {_options.MaxLeverage})");
        }

        if (book.PositionQuantity != 0m)
        {
            throw new InvalidOperationException($"{symbol}: cannot change leverage from {book.Leverage} to {leverage} with an open position of {book.PositionQuantity}");
        }

        book.Leverage = leverage;
    }

    /// <summary>The last close seen for <paramref name="symbol"/>; null before its first bar.</summary>
    public decimal? LastPrice(Symbol symbol) => Book(symbol) is { HasPrice: true } book ? book.LastClose : null;

    /// <summary>
    /// Account value in <see cref="SimulatedExchangeOptions.AccountAsset"/> at <paramref name="marks"/>: the
    /// account asset's balance, every other asset's balance × the mark of its spot symbol against the
    /// account asset, and for each perpetual position its isolated margin + unrealized PnL at its mark.
    /// </summary>
    public decimal Equity(IReadOnlyDictionary<Symbol, decimal> marks)
    {
        ArgumentNullException.ThrowIfNull(marks);
        return Equity(symbol => marks.TryGetValue(symbol, out var mark)
            ? mark
            : throw new KeyNotFoundException($"no mark for {symbol} (marks given: {string.Join(", ", marks.Keys.Order())})"));
    }

    /// <summary><see cref="Equity(IReadOnlyDictionary{Symbol, decimal})"/> at the last closes.</summary>
    public decimal Equity() =>
        Equity(symbol => LastPrice(symbol) ?? throw new InvalidOperationException($"{symbol} has no price yet to value the account"));

    private decimal Equity(Func<Symbol, decimal> mark)
    {
        var account = _options.AccountAsset.ToUpperInvariant();
        var equity = 0m;
        foreach (var (asset, balance) in _balances)
        {
            if (asset == account)
            {
                equity += balance;
            }
            else if (balance != 0m)
            {
                var spot = _bookList.FirstOrDefault(b => !b.IsPerpetual && b.Symbol.BaseAsset == asset && b.Symbol.QuoteAsset == account)
                    ?? throw new InvalidOperationException($"cannot value {balance} {asset}: no spot symbol {asset}/{account} is listed");
                equity += balance * mark(spot.Symbol);
            }
        }

        foreach (var book in _bookList)
        {
            if (book.PositionQuantity != 0m)
            {
                equity += book.IsolatedMargin + UnrealizedPnl(book, mark(book.Symbol));
            }
            else
            {
                equity += book.IsolatedMargin;
            }
        }

        return equity;
    }

    private static decimal UnrealizedPnl(SymbolBook book, decimal mark) =>
        book.Instrument.Notional(mark - book.EntryPrice, book.PositionQuantity);

    private static Position PositionOf(SymbolBook book) =>
        new(
            book.Symbol,
            book.PositionQuantity < 0m ? PositionSide.Short : PositionSide.Long,
            Math.Abs(book.PositionQuantity),
            book.PositionQuantity == 0m ? 0m : book.EntryPrice,
            book.RealizedPnl,
            book.FeesPaid);

    /// <summary>What the order (and its OCO sibling, which shares its reservation) holds of <paramref name="asset"/>.</summary>
    private static decimal Held(WorkingOrder order, string asset) =>
        (order.ReservedAsset == asset ? order.Reserved : 0m) + (order.OcoSibling is { } sibling && sibling.ReservedAsset == asset ? sibling.Reserved : 0m);

    private void Credit(string asset, decimal amount) => _balances[asset] = _balances.GetValueOrDefault(asset) + amount;

    /// <summary>
    /// Books a fill of <paramref name="quantity"/> at <paramref name="price"/> into the account; false
    /// (nothing booked) when the free balance cannot pay for it. The order's own reservation counts as free.
    /// </summary>
    private bool BookFill(SymbolBook book, WorkingOrder order, decimal price, decimal quantity, decimal fee)
    {
        var symbol = book.Symbol;
        var side = order.Side;

        if (!book.IsPerpetual)
        {
            var notional = book.Instrument.Notional(price, quantity);
            if (side == OrderSide.Buy)
            {
                if (notional + fee > Available(symbol.QuoteAsset) + Held(order, symbol.QuoteAsset))
                {
                    return false;
                }

                Credit(symbol.QuoteAsset, -(notional + fee));
                Credit(symbol.BaseAsset, quantity);
            }
            else
            {
                if (quantity > Available(symbol.BaseAsset) + Held(order, symbol.BaseAsset))
                {
                    return false;
                }

                Credit(symbol.BaseAsset, -quantity);
                Credit(symbol.QuoteAsset, notional - fee);
            }

            book.FeesPaid += fee;
            return true;
        }

        var position = book.PositionQuantity;
        var reducing = Math.Sign(position) == -side.Sign() ? Math.Min(quantity, Math.Abs(position)) : 0m;
        var opening = quantity - reducing;
        var openMargin = book.Instrument.Notional(price, opening) / book.Leverage;
        if (opening > 0m && openMargin + fee > Available(symbol.QuoteAsset) + Held(order, symbol.QuoteAsset))
        {
            return false;
        }

        if (reducing > 0m)
        {
            var realized = book.Instrument.Notional(price - book.EntryPrice, Math.Sign(position) * reducing);
            var released = book.IsolatedMargin * reducing / Math.Abs(position);
            if (reducing == Math.Abs(position))
            {
                released = book.IsolatedMargin;
            }

            book.IsolatedMargin -= released;
            book.RealizedPnl += realized;
            Credit(symbol.QuoteAsset, released + realized);
            position += side.Sign() * reducing;
            if (position == 0m)
            {
                book.EntryPrice = 0m;
            }
        }

        if (opening > 0m)
        {
            var size = Math.Abs(position);
            book.EntryPrice = ((size * book.EntryPrice) + (opening * price)) / (size + opening);
            book.IsolatedMargin += openMargin;
            Credit(symbol.QuoteAsset, -openMargin);
            position += side.Sign() * opening;
        }

        Credit(symbol.QuoteAsset, -fee);
        book.FeesPaid += fee;
        book.PositionQuantity = position;
        UpdateLiquidationPrice(book);
        return true;
    }

    /// <summary>
    /// Isolated margin M, size Q, entry E, maintenance rate m: liquidated when M + uPnL ≤ m × Q × P, so
    /// a long at P = (E·Q − M) / (Q·(1 − m)), a short at P = (E·Q + M) / (Q·(1 + m)).
    /// </summary>
    private void UpdateLiquidationPrice(SymbolBook book)
    {
        var position = book.PositionQuantity;
        if (position == 0m)
        {
            book.LiquidationPrice = 0m;
            return;
        }

        var size = Math.Abs(position) * book.Instrument.ContractSize;
        var rate = _options.MaintenanceMarginRate;
        book.LiquidationPrice = position > 0m
            ? Math.Max(0m, ((book.EntryPrice * size) - book.IsolatedMargin) / (size * (1m - rate)))
            : ((book.EntryPrice * size) + book.IsolatedMargin) / (size * (1m + rate));
    }

    /// <summary>
    /// Closes the position when the bar's adverse extreme reaches the liquidation price: at that
    /// price (rounded to the tick against the trader), or at the open when the bar gaps through it.
    /// The isolated margin left after the loss is taken as the liquidation fee, so the account loses
    /// the whole margin; a gap loss beyond the margin is charged to the wallet.
    /// </summary>
    private void CheckLiquidation(SymbolBook book, in Bar bar)
    {
        var liquidation = book.LiquidationPrice;
        var position = book.PositionQuantity;
        // Every bar of an open perpetual position: the quick no-liquidation answer uses the inlined compares.
        if (!FastDecimal.IsPositive(liquidation) || (FastDecimal.IsPositive(position) ? FastDecimal.Less(liquidation, bar.Low) : FastDecimal.Less(bar.High, liquidation)))
        {
            return;
        }

        var instrument = book.Instrument;
        decimal price;
        if (position > 0m)
        {
            price = bar.Open <= liquidation ? bar.Open : Math.Min(instrument.RoundPrice(liquidation, RoundingMode.Up), bar.High);
        }
        else
        {
            var down = instrument.RoundPrice(liquidation, RoundingMode.Down);
            price = bar.Open >= liquidation ? bar.Open : Math.Max(down > 0m ? down : instrument.TickSize, bar.Low);
        }

        for (var i = 0; i < book.Orders.Count; i++)
        {
            CancelOrder(book, book.Orders[i], $"canceled by the liquidation of {book.Symbol}");
        }

        var quantity = Math.Abs(position);
        var side = position > 0m ? OrderSide.Sell : OrderSide.Buy;
        var realized = instrument.Notional(price - book.EntryPrice, position);
        var fee = Math.Max(0m, book.IsolatedMargin + realized);
        Credit(book.Symbol.QuoteAsset, book.IsolatedMargin + realized - fee);
        book.RealizedPnl += realized;
        book.FeesPaid += fee;
        book.IsolatedMargin = 0m;
        book.PositionQuantity = 0m;
        book.EntryPrice = 0m;
        book.LiquidationPrice = 0m;
        var now = Now;
        var id = "LIQ-" + _nextLiquidationId++.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var fill = new Fill(id, book.Symbol, side, price, quantity, fee, book.Symbol.QuoteAsset, LiquiditySide.Taker, now, NextTradeId());
        Emit(new ExecutionReport(
            ExecutionReportKind.Liquidated, id, book.Symbol, now, now, fill,
            Reason: $"isolated margin ran out: liquidation price {liquidation}, maintenance rate {_options.MaintenanceMarginRate}", ReferencePrice: price, Spread: 0m));
    }

    public void OnReplayFunding(FundingRate rate)
    {
        ArgumentNullException.ThrowIfNull(rate);
        var book = Book(rate.Symbol);
        if (!book.IsPerpetual || book.PositionQuantity == 0m || !book.HasPrice)
        {
            return;
        }

        var mark = book.LastClose;
        var amount = -rate.Rate * book.Instrument.Notional(mark, book.PositionQuantity);
        Credit(book.Symbol.QuoteAsset, amount);
        Listener.OnFunding(new FundingPayment(book.Symbol, Now, rate.Rate, mark, book.PositionQuantity, amount));
    }

    private string NextTradeId() => "T" + _nextTradeId++.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
