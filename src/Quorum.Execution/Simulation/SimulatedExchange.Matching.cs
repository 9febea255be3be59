using Quorum.Core;
using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Execution.Engine;
using Quorum.Execution.Venues;

namespace Quorum.Execution.Simulation;

/// <summary>Matching working orders against a bar along the intrabar path.</summary>
public sealed partial class SimulatedExchange
{
    private const int MaxEventsPerBar = 1_000_000;

    private Bar _bar;
    private decimal _budget;

    public void OnReplayBar(Symbol symbol, Timeframe timeframe, in Bar bar, BarRole role)
    {
        var book = Book(symbol);
        if ((role & BarRole.Match) != 0)
        {
            if (bar.OpenTimeMs < book.LastMatchOpenMs)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(bar), bar.OpenTimeMs, $"{symbol}: Match bar at {bar.OpenTimeMs} ms is before the previous one at {book.LastMatchOpenMs} ms: time cannot go backwards");
            }

            if (!FastDecimal.LessOrEqual(bar.Low, bar.High) || !FastDecimal.IsPositive(bar.Low))
            {
                throw new ArgumentOutOfRangeException(nameof(bar), bar, $"{symbol}: Match bar {bar} has low > high or a non-positive low");
            }

            book.LastMatchOpenMs = bar.OpenTimeMs;
            book.LastClose = bar.Close;
            book.HasPrice = true;
            if (book.WorkingCount > 0)
            {
                Match(book, bar);
            }
            else if (book.Orders.Count > 0)
            {
                book.Orders.Clear();
            }

            if (book.LiquidationPrice > 0m)
            {
                CheckLiquidation(book, bar);
            }
        }
        else
        {
            book.LastClose = bar.Close;
            book.HasPrice = true;
        }

        if ((role & BarRole.Deliver) != 0)
        {
            Listener.OnBar(symbol, timeframe, bar);
        }
    }

    private void Match(SymbolBook book, in Bar bar)
    {
        _bar = bar;
        if (!AnyOrderCanAct(book, bar))
        {
            // Quiet bar: no trigger, limit or market order can do anything anywhere in the bar's range, so the four walks
            // below would each find no event. Most bars of a resting bracket are like this. Only the walks read the volume
            // budget, so a quiet bar skips its decimal product and remainder.
            RemoveEnded(book);
            return;
        }

        _budget = decimal.MaxValue;
        if (_options.ParticipationCap is { } cap)
        {
            var allowed = cap * Math.Max(0m, bar.Volume);
            _budget = allowed - (allowed % book.Instrument.StepSize); // down to the step grid (no allocation, unlike the guarded rounding helpers)
        }

        var downFirst = DownFirst(book, bar);
        var first = downFirst ? bar.Low : bar.High;
        var second = downFirst ? bar.High : bar.Low;
        Walk(book, bar.Open, bar.Open, atOpen: true);
        ExpireImmediate(book);
        Walk(book, bar.Open, first, atOpen: false);
        Walk(book, first, second, atOpen: false);
        Walk(book, second, bar.Close, atOpen: false);
        RemoveEnded(book);
    }

    private static void RemoveEnded(SymbolBook book)
    {
        if (book.WorkingCount < book.Orders.Count)
        {
            book.Orders.RemoveAll(static order => order.Terminal);
        }
    }

    /// <summary>
    /// False only when no working order can trigger, fill or expire on <paramref name="bar"/>: the intrabar path visits
    /// every price between the bar's lowest and highest (open and close included), so a trigger or a limit outside that
    /// range on its passive side cannot be reached by any of <see cref="Walk"/>'s segments (the same conditions as
    /// <see cref="NextEvent"/>). Immediate (IOC/FOK) and market-now orders always act. Conservative: true whenever unsure.
    /// </summary>
    private bool AnyOrderCanAct(SymbolBook book, in Bar bar)
    {
        var low = FastDecimal.Min(bar.Low, FastDecimal.Min(bar.Open, bar.Close));
        var high = FastDecimal.Max(bar.High, FastDecimal.Max(bar.Open, bar.Close));
        var openTime = bar.OpenTimeMs;
        var orders = book.Orders;
        for (var i = 0; i < orders.Count; i++)
        {
            var order = orders[i];
            if (order.Terminal || order.EligibleFromMs > openTime)
            {
                continue;
            }

            if (order.IsImmediate)
            {
                return true; // fills at the open or expires there
            }

            if (!order.Armed || !order.HasRemaining)
            {
                continue;
            }

            if (order.AwaitsTrigger)
            {
                var stop = order.Request.StopPrice!.Value;
                if (order.TriggersOnRise ? FastDecimal.LessOrEqual(stop, high) : FastDecimal.LessOrEqual(low, stop))
                {
                    return true;
                }

                continue;
            }

            if (order.IsMarketNow || order.Request.Price is not { } limit)
            {
                return true;
            }

            var strict = !order.Taker && !_options.LimitFillsOnTouch;
            var reachable = order.Side == OrderSide.Buy
                ? (strict ? FastDecimal.Less(low, limit) : FastDecimal.LessOrEqual(low, limit))
                : (strict ? FastDecimal.Less(limit, high) : FastDecimal.LessOrEqual(limit, high));
            if (reachable)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the path visits the low before the high.</summary>
    private bool DownFirst(SymbolBook book, in Bar bar)
    {
        switch (_options.IntrabarPath)
        {
            case IntrabarPath.OpenHighLowClose:
                return false;
            case IntrabarPath.OpenLowHighClose:
                return true;
            case IntrabarPath.ByBarDirection:
                return bar.Close >= bar.Open;
        }

        if (book.PositionQuantity != 0m)
        {
            return book.PositionQuantity > 0m;
        }

        foreach (var order in book.Orders)
        {
            if (order.Terminal)
            {
                continue;
            }

            if (order.Armed && order.Request.Type.HasTriggerPrice())
            {
                return order.Side == OrderSide.Sell;
            }

            if (order.Role == OrderRole.BracketEntry)
            {
                return order.Side == OrderSide.Buy;
            }
        }

        return bar.Close >= bar.Open;
    }

    /// <summary>Moves the price from <paramref name="from"/> to <paramref name="to"/>, handling every trigger and fill on the way in price order.</summary>
    private void Walk(SymbolBook book, decimal from, decimal to, bool atOpen)
    {
        var current = from;
        var direction = Math.Sign(to - from);
        var openTime = _bar.OpenTimeMs;
        for (var events = 0; ; events++)
        {
            if (events > MaxEventsPerBar)
            {
                throw new InvalidOperationException($"{book.Symbol}: more than {MaxEventsPerBar} order events on the bar at {openTime} ms: a matching loop");
            }

            WorkingOrder? best = null;
            var bestPrice = 0m;
            var bestDistance = 0m;
            var bestIsTrigger = false;
            var orders = book.Orders;
            for (var i = 0; i < orders.Count; i++)
            {
                var order = orders[i];
                if (order.Terminal || !order.Armed || order.EligibleFromMs > openTime
                    || !NextEvent(order, current, to, direction, atOpen, out var price, out var isTrigger))
                {
                    continue;
                }

                var distance = Math.Abs(price - current);
                if (best is null || distance < bestDistance || (distance == bestDistance && isTrigger && !bestIsTrigger))
                {
                    (best, bestPrice, bestDistance, bestIsTrigger) = (order, price, distance, isTrigger);
                }
            }

            if (best is null)
            {
                return;
            }

            current = bestPrice;
            if (bestIsTrigger)
            {
                Trigger(book, best, current);
            }
            else
            {
                FillAt(book, best, current);
            }
        }
    }

    /// <summary>The next thing that happens to <paramref name="order"/> on the way from <paramref name="current"/> to <paramref name="to"/>: a trigger or a fill, and where.</summary>
    private bool NextEvent(WorkingOrder order, decimal current, decimal to, int direction, bool atOpen, out decimal price, out bool isTrigger)
    {
        price = 0m;
        isTrigger = false;
        if ((order.IsImmediate && !atOpen) || !order.HasRemaining)
        {
            return false;
        }

        if (order.AwaitsTrigger)
        {
            var stop = order.Request.StopPrice!.Value;
            isTrigger = true;
            if (order.TriggersOnRise ? current >= stop : current <= stop)
            {
                price = current;
                return true;
            }

            if (direction == (order.TriggersOnRise ? 1 : -1) && (order.TriggersOnRise ? to >= stop : to <= stop))
            {
                price = stop;
                return true;
            }

            return false;
        }

        if (_budget <= 0m)
        {
            return false;
        }

        if (order.IsMarketNow)
        {
            price = current;
            return true;
        }

        var limit = order.Request.Price!.Value;
        var strict = !order.Taker && !_options.LimitFillsOnTouch;
        if (order.Side == OrderSide.Buy)
        {
            if (strict ? current < limit : current <= limit)
            {
                price = current;
                return true;
            }

            if (direction < 0 && (strict ? to < limit : to <= limit))
            {
                price = limit;
                return true;
            }
        }
        else
        {
            if (strict ? current > limit : current >= limit)
            {
                price = current;
                return true;
            }

            if (direction > 0 && (strict ? to > limit : to >= limit))
            {
                price = limit;
                return true;
            }
        }

        return false;
    }

    private void Trigger(SymbolBook book, WorkingOrder order, decimal price)
    {
        order.Triggered = true;
        order.Taker = order.Request.Price is not { } limit || IsMarketable(order.Side, limit, price);
        var now = Now;
        Emit(new ExecutionReport(
            ExecutionReportKind.Triggered, order.Request.ClientOrderId, book.Symbol, now, now, VenueOrderId: order.VenueOrderId,
            ReferencePrice: price, Reason: $"trigger {order.Request.StopPrice} touched at {price}"));
    }

    private void FillAt(SymbolBook book, WorkingOrder order, decimal reference)
    {
        var remaining = order.Remaining;
        if (order.IsExit && book.IsPerpetual)
        {
            var reducible = Math.Sign(book.PositionQuantity) == -order.Side.Sign() ? Math.Abs(book.PositionQuantity) : 0m;
            if (reducible == 0m)
            {
                EndOrder(book, order, ExecutionReportKind.Expired, OrderRejectCode.ReduceOnlyRejected, $"{book.Symbol}: no position left for {order.Request.ClientOrderId} to reduce");
                return;
            }

            remaining = Math.Min(remaining, reducible);
        }

        var quantity = Math.Min(remaining, _budget);
        if (order.Request.TimeInForce == TimeInForce.Fok && quantity < order.Remaining)
        {
            EndOrder(book, order, ExecutionReportKind.Expired, OrderRejectCode.FillOrKillUnfillable,
                $"fill-or-kill {order.Request.ClientOrderId}: only {quantity} of {order.Remaining} can fill on the bar at {_bar.OpenTimeMs} ms");
            return;
        }

        if (quantity <= 0m)
        {
            _budget = 0m;
            return;
        }

        var taker = order.IsMarketNow || order.Taker;
        var spread = 0m;
        var price = taker ? TakerPrice(book, order.Side, reference, quantity, order.Request.Price, out spread) : reference;
        var fee = book.Instrument.Notional(price, quantity) * (taker ? book.Fees.TakerRate : book.Fees.MakerRate);
        var before = order.Remaining;
        if (!BookFill(book, order, price, quantity, fee))
        {
            EndOrder(book, order, ExecutionReportKind.Expired, OrderRejectCode.InsufficientBalance,
                $"Account has insufficient balance for requested action: {order.Request.ClientOrderId} {order.Side} {quantity} at {price}");
            return;
        }

        _budget -= quantity;
        ReleaseReservation(order, order.Reserved * quantity / before);
        order.Filled += quantity;
        var complete = order.Remaining == 0m && IsFinalSize(order);
        if (complete)
        {
            Finish(book, order);
        }

        var now = Now;
        var fill = new Fill(
            order.Request.ClientOrderId, book.Symbol, order.Side, price, quantity, fee, book.Symbol.QuoteAsset,
            taker ? LiquiditySide.Taker : LiquiditySide.Maker, now, NextTradeId());
        Emit(new ExecutionReport(
            complete ? ExecutionReportKind.Filled : ExecutionReportKind.PartiallyFilled, order.Request.ClientOrderId, book.Symbol, now, now, fill,
            order.VenueOrderId, ReferencePrice: reference, Spread: spread));
        AfterFill(book, order);
    }

    /// <summary>
    /// Price of a taker fill: the reference moved adversely by the slippage model and the half-spread,
    /// rounded to the tick against the trader, capped at the bar's range and the order's limit.
    /// </summary>
    private decimal TakerPrice(SymbolBook book, OrderSide side, decimal reference, decimal quantity, decimal? limit, out decimal spread)
    {
        var model = _options.Slippage;
        var fraction = model.FixedBps / 10_000m;
        if (model.ImpactFactor > 0m && _bar.Volume > 0m && _bar.Open > 0m)
        {
            fraction += model.ImpactFactor * (_bar.High - _bar.Low) / _bar.Open * (decimal)Math.Sqrt((double)(quantity / _bar.Volume));
        }

        var halfSpread = reference * model.HalfSpreadBps / 10_000m;
        var raw = reference + (side.Sign() * ((reference * fraction) + halfSpread));
        decimal price;
        if (side == OrderSide.Buy)
        {
            price = Math.Min(book.Instrument.RoundPrice(raw, RoundingMode.Up), _bar.High);
            price = Math.Max(Math.Min(price, limit ?? price), reference);
        }
        else
        {
            var rounded = raw > 0m ? book.Instrument.RoundPrice(raw, RoundingMode.Down) : 0m;
            price = Math.Max(rounded, _bar.Low);
            price = Math.Min(Math.Max(price, limit ?? price), reference);
        }

        spread = Math.Min(halfSpread, Math.Abs(price - reference));
        return price;
    }

    /// <summary>False for a take-profit whose bracket entry may still fill more (its size can grow).</summary>
    private static bool IsFinalSize(WorkingOrder order) =>
        order.Role != OrderRole.BracketTakeProfit || order.Bracket!.Entry.Terminal;

    private void AfterFill(SymbolBook book, WorkingOrder order)
    {
        if (order.OcoSibling is { Terminal: false } sibling)
        {
            CancelOrder(book, sibling, $"OCO sibling {order.Request.ClientOrderId} filled");
        }

        if (order.Bracket is not { } group)
        {
            return;
        }

        if (order.Role == OrderRole.BracketStop)
        {
            foreach (var takeProfit in group.TakeProfits)
            {
                CancelOrder(book, takeProfit, $"bracket {group.ListId}: stop {order.Request.ClientOrderId} filled");
            }

            CancelOrder(book, group.Entry, $"bracket {group.ListId}: stop {order.Request.ClientOrderId} filled");
        }

        RebalanceBracket(book, group);
    }

    /// <summary>
    /// Sizes the bracket's exits to the entry's fills: each take-profit to its share of the filled
    /// quantity (rounded down to the step), the stop to whatever the take-profits have not closed.
    /// Arms exits as they get a size; once the entry is over, cancels exits left with nothing to do.
    /// </summary>
    private void RebalanceBracket(SymbolBook book, BracketGroup group)
    {
        var entry = group.Entry;
        var filled = entry.Filled;
        foreach (var takeProfit in group.TakeProfits)
        {
            var share = takeProfit.Planned * filled / entry.Planned;
            SetExitTarget(book, takeProfit, Math.Max(book.Instrument.FloorQuantity(share), takeProfit.Filled));
        }

        SetExitTarget(book, group.Stop, Math.Max(filled - group.TakeProfitFilled, group.Stop.Filled));
        if (!entry.Terminal)
        {
            return;
        }

        CancelIfIdle(book, group, group.Stop);
        foreach (var takeProfit in group.TakeProfits)
        {
            CancelIfIdle(book, group, takeProfit);
        }
    }

    /// <summary>Cancels a bracket exit left with nothing to close once its entry is over.</summary>
    private void CancelIfIdle(SymbolBook book, BracketGroup group, WorkingOrder exit)
    {
        if (!exit.Terminal && !exit.HasRemaining)
        {
            CancelOrder(book, exit, $"bracket {group.ListId}: nothing left for {exit.Request.ClientOrderId} to close");
        }
    }

    private void SetExitTarget(SymbolBook book, WorkingOrder exit, decimal target)
    {
        if (exit.Terminal || target == exit.Target)
        {
            return;
        }

        if (target <= exit.Filled)
        {
            exit.Target = exit.Filled; // nothing left to close for now: no events until it grows again or the bracket ends
            return;
        }

        var current = exit.Request;
        exit.Target = target;
        if (target != current.Quantity)
        {
            exit.Request = new OrderRequest(
                current.ClientOrderId, current.Symbol, current.Side, current.Type, target, current.Price, current.StopPrice, current.TimeInForce, current.ReduceOnly);
        }

        var now = Now;
        if (!exit.Armed)
        {
            exit.Armed = true;
            exit.EligibleFromMs = _bar.OpenTimeMs;
            Emit(new ExecutionReport(ExecutionReportKind.Accepted, current.ClientOrderId, book.Symbol, now, now, VenueOrderId: exit.VenueOrderId));
            if (target == exit.Planned)
            {
                return;
            }
        }

        Emit(new ExecutionReport(ExecutionReportKind.Amended, current.ClientOrderId, book.Symbol, now, now, VenueOrderId: exit.VenueOrderId, Amended: exit.Request));
    }

    private void ExpireImmediate(SymbolBook book)
    {
        var orders = book.Orders;
        for (var i = 0; i < orders.Count; i++)
        {
            var order = orders[i];
            if (!order.Terminal && order.IsImmediate && order.EligibleFromMs <= _bar.OpenTimeMs)
            {
                var fillOrKill = order.Request.TimeInForce == TimeInForce.Fok;
                EndOrder(
                    book,
                    order,
                    ExecutionReportKind.Expired,
                    fillOrKill && order.Filled == 0m ? OrderRejectCode.FillOrKillUnfillable : OrderRejectCode.None,
                    $"{order.Request.TimeInForce} {order.Request.ClientOrderId}: {order.Remaining} of {order.Request.Quantity} unfilled at the open {_bar.Open}");
            }
        }
    }
}
