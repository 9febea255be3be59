using Quorum.Core.Trading;
using Quorum.Execution.Venues;

namespace Quorum.Execution.Oms;

/// <summary>Re-planning: bring each touched trade's working orders in line with what it should have.</summary>
public sealed partial class OrderManager
{
    private void MarkDirty(Trade trade)
    {
        if (!trade.Queued)
        {
            trade.Queued = true;
            _dirty.Enqueue(trade);
        }
    }

    /// <summary>Re-plans queued trades until none is left. Re-entrant calls (a venue answering inside a call) only queue.</summary>
    private void Pump()
    {
        if (_pumping)
        {
            return;
        }

        _pumping = true;
        try
        {
            var steps = 0;
            while (_dirty.TryDequeue(out var trade))
            {
                trade.Queued = false;
                if (++steps > MaxSyncStepsPerCall)
                {
                    throw new InvalidOperationException($"OMS did not settle after {MaxSyncStepsPerCall} re-plans (last: {trade}); a venue and the OMS are ping-ponging");
                }

                Sync(trade);
            }
        }
        finally
        {
            _pumping = false;
        }
    }

    private void Sync(Trade trade)
    {
        if (!trade.IsOpen)
        {
            CancelAllWorking(trade);
            DropIfDone(trade);
            return;
        }

        SyncEntry(trade);
        if (trade.Closing)
        {
            SyncClosing(trade);
        }
        else if (trade.VenueLinked)
        {
            SyncLinked(trade);
        }
        else if (trade.UseOco)
        {
            SyncOco(trade);
        }
        else
        {
            SyncExits(trade);
        }

        Complete(trade);
        DropIfDone(trade);
    }

    /// <summary>
    /// With <see cref="OmsOptions.RetainClosedTrades"/> false: forgets an ended trade (its listeners have run) and its
    /// orders once none of them is working, so nothing of it stays in the manager's collections.
    /// </summary>
    private void DropIfDone(Trade trade)
    {
        if (_options.RetainClosedTrades || trade.IsOpen || trade.Dropped)
        {
            return;
        }

        var orders = trade.Orders;
        for (var i = 0; i < orders.Count; i++)
        {
            if (orders[i].IsWorking)
            {
                return;
            }
        }

        trade.Dropped = true;
        _tradesDropped++;
        _tradesById.Remove(trade.TradeId);
        _trades.Remove(trade);
        for (var i = 0; i < orders.Count; i++)
        {
            _ordersById.Remove(orders[i].ClientOrderId);
        }

        // The orders of one trade among those kept (few: the open trades'), keeping the others in the order sent.
        var kept = 0;
        for (var i = 0; i < _orders.Count; i++)
        {
            if (!ReferenceEquals(_orders[i].Trade, trade))
            {
                _orders[kept++] = _orders[i];
            }
        }

        _orders.RemoveRange(kept, _orders.Count - kept);
    }

    private void SyncEntry(Trade trade)
    {
        if (trade.EntryDone)
        {
            return;
        }

        var working = trade.WorkingEntry is { IsWorking: true } entry ? entry : null;
        if (trade.Closing || trade.EntryHalted)
        {
            if (working is null)
            {
                trade.EntryDone = true;
            }
            else if (!working.CancelPending)
            {
                RequestCancel(working);
            }

            return;
        }

        if (working is not null)
        {
            return;
        }

        var remaining = trade.PlannedQuantity - trade.EntryQuantity;
        if (remaining <= 0m)
        {
            trade.EntryDone = true;
            return;
        }

        if (trade.EntryWaitsForBar)
        {
            return;
        }

        var quantity = Math.Min(trade.ChildQuantity, remaining);
        var type = trade.EntryType == EntryOrderType.Market ? OrderType.Market : OrderType.Limit;
        var postOnly = trade.EntryType == EntryOrderType.PostOnlyLimit
            || (trade.EntryType == EntryOrderType.Limit && _options.PostOnlyEntries && _venue.Capabilities.PostOnly);
        var legId = ClientOrderIds.Leg('e', trade.EntryChild + 1);
        var request = new OrderRequest(
            ClientOrderIds.Format(_options.BotId, trade.PlanId, legId, trade.EntryAttempt),
            trade.Symbol,
            trade.EntrySide,
            type,
            quantity,
            type == OrderType.Limit ? trade.EntryLimitPrice : null,
            timeInForce: postOnly ? TimeInForce.PostOnly : TimeInForce.Gtc);

        if (trade.VenueLinked && trade.EntryChild == 0 && trade.EntryAttempt == 0)
        {
            SubmitBracket(trade, request, legId);
            return;
        }

        if (trade.VenueLinked)
        {
            // A resubmitted entry cannot re-arm the venue's bracket: the OMS manages the exits from here.
            Unlink(trade);
        }

        trade.WorkingEntry = Register(trade, request, OrderLegKind.Entry, legId, trade.EntryAttempt);
        SendSubmit(request);
    }

    private void SubmitBracket(Trade trade, OrderRequest entry, string entryLegId)
    {
        var exitSide = trade.EntrySide.Opposite();
        var reduceOnly = ReduceOnlyExits(trade);
        var stopLeg = trade.StopLeg;
        var stop = new OrderRequest(
            ClientOrderIds.Format(_options.BotId, trade.PlanId, stopLeg.LegId, stopLeg.NextAttempt++),
            trade.Symbol, exitSide, OrderType.StopMarket, entry.Quantity, stopPrice: stopLeg.Price, reduceOnly: reduceOnly);
        var legs = trade.TakeProfitLegs;
        var takeProfits = legs.Count == 0 ? [] : new OrderRequest[legs.Count];
        var sentLegs = legs.Count == 0 ? [] : new ExitLeg[legs.Count];
        var sent = 0;
        var assigned = 0m;
        foreach (var leg in legs)
        {
            var quantity = trade.Plan.TakeProfitFraction == 1m && ReferenceEquals(leg, trade.TakeProfitLegs[^1])
                ? entry.Quantity - assigned
                : trade.Instrument.FloorQuantity(entry.Quantity * leg.Fraction);
            assigned += quantity;
            if (quantity <= 0m)
            {
                leg.Disabled = true;
                continue;
            }

            sentLegs[sent] = leg;
            takeProfits[sent++] = new OrderRequest(
                ClientOrderIds.Format(_options.BotId, trade.PlanId, leg.LegId, leg.NextAttempt++),
                trade.Symbol, exitSide, OrderType.Limit, quantity, leg.Price, reduceOnly: reduceOnly);
        }

        if (sent < takeProfits.Length)
        {
            Array.Resize(ref takeProfits, sent); // a share below one step: that leg is disabled
        }

        var bracket = new BracketRequest(
            ClientOrderIds.FormatList(_options.BotId, trade.PlanId, "L", 0), entry, stop, takeProfits);
        trade.WorkingEntry = Register(trade, entry, OrderLegKind.Entry, entryLegId, trade.EntryAttempt, venueLinked: true);
        // The venue acknowledges a bracket's exits when it arms them (on the entry's fills): no submit timeout for them.
        stopLeg.Working = Register(trade, stop, OrderLegKind.StopLoss, stopLeg.LegId, stopLeg.NextAttempt - 1, venueLinked: true, awaitAck: false);
        for (var i = 0; i < sent; i++)
        {
            var leg = sentLegs[i];
            leg.Working = Register(trade, takeProfits[i], OrderLegKind.TakeProfit, leg.LegId, leg.NextAttempt - 1, venueLinked: true, awaitAck: false);
        }

        if (_listeners.Count > 0)
        {
            Raise(new OrderCommand(OrderCommandKind.SubmitBracket, entry.ClientOrderId, trade.Symbol, Now, entry, ListId: bracket.ListId));
        }

        _venue.SubmitBracket(bracket);
    }

    /// <summary>Venue-linked bracket: the venue sizes and cancels the exits; the OMS only moves the stop.</summary>
    private void SyncLinked(Trade trade)
    {
        if (trade.StopLeg.Working is not { IsWorking: true } stop || stop.CancelPending || stop.PendingAmend is not null)
        {
            return;
        }

        if (stop.Order.StopPrice == trade.StopLeg.Price)
        {
            return;
        }

        if (stop.Status is OrderStatus.Submitted or OrderStatus.Unknown)
        {
            return;
        }

        if (_venue.Capabilities.NativeAmend)
        {
            Amend(stop, null, trade.StopLeg.Price);
        }
        else
        {
            Unlink(trade);
        }
    }

    /// <summary>Emulated bracket: the stop covers what is open, each take-profit its share of what has filled (the last one the rest when the shares sum to 1).</summary>
    private void SyncExits(Trade trade)
    {
        if (trade.EntryQuantity <= 0m && trade.TakeProfitLegs.TrueForAll(static leg => leg.Working is null) && trade.StopLeg.Working is null)
        {
            return;
        }

        var open = trade.OpenQuantity;
        var filled = trade.EntryQuantity;
        var budget = open;
        var instrument = trade.Instrument;
        ExitLeg? lastActive = null;
        var activeFractions = 0m;
        var disabledFilled = 0m;
        foreach (var leg in trade.TakeProfitLegs)
        {
            if (leg.Disabled)
            {
                disabledFilled += leg.FilledQuantity;
            }
            else
            {
                lastActive = leg;
                activeFractions += leg.Fraction;
            }
        }

        // When the active take-profits (with what replaced ones filled) cover everything, the last one takes the rest: no dust left to the stop.
        var takesAll = lastActive is not null && activeFractions + (disabledFilled / trade.PlannedQuantity) >= 1m;
        var assigned = 0m;
        foreach (var leg in trade.TakeProfitLegs)
        {
            var target = 0m;
            if (!leg.Disabled)
            {
                var total = takesAll && ReferenceEquals(leg, lastActive)
                    ? filled - assigned - disabledFilled
                    : instrument.FloorQuantity(filled * leg.Fraction);
                assigned += Math.Max(total, 0m);
                target = Math.Clamp(total - leg.FilledQuantity, 0m, budget);
                if (target < Math.Max(instrument.MinQuantity, instrument.StepSize))
                {
                    target = 0m;
                }
            }

            budget -= target;
            SyncLeg(trade, leg, target);
        }

        SyncLeg(trade, trade.StopLeg, trade.StopLeg.Disabled || trade.StopEmulated ? 0m : open);
    }

    /// <summary>One take-profit for the whole position and a native OCO: the stop and the take-profit go out as one OCO for what is open, replaced as a pair when either must change.</summary>
    private void SyncOco(Trade trade)
    {
        var stopLeg = trade.StopLeg;
        var takeLeg = trade.TakeProfitLegs[0];
        if (stopLeg.Disabled || takeLeg.Disabled)
        {
            trade.UseOco = false;
            SyncExits(trade);
            return;
        }

        var open = trade.OpenQuantity;
        var stop = stopLeg.Working is { IsWorking: true } s ? s : null;
        var take = takeLeg.Working is { IsWorking: true } t ? t : null;
        stopLeg.Working = stop;
        takeLeg.Working = take;
        if (stop is not null || take is not null)
        {
            var current = stop is not null && take is not null
                && stop.Order.RemainingQuantity == open && take.Order.RemainingQuantity == open
                && stop.Order.StopPrice == stopLeg.Price && take.Order.Price == takeLeg.Price;
            if (current || open == 0m && stop is null != (take is null))
            {
                // Either all is well, or the venue is canceling the sibling of a filled leg.
                if (open == 0m)
                {
                    CancelLeg(stop);
                    CancelLeg(take);
                }

                return;
            }

            CancelLeg(stop);
            CancelLeg(take);
            return;
        }

        if (open <= 0m)
        {
            return;
        }

        var exitSide = trade.EntrySide.Opposite();
        var reduceOnly = ReduceOnlyExits(trade);
        var takeRequest = new OrderRequest(
            ClientOrderIds.Format(_options.BotId, trade.PlanId, takeLeg.LegId, takeLeg.NextAttempt++),
            trade.Symbol, exitSide, OrderType.Limit, open, takeLeg.Price, reduceOnly: reduceOnly);
        var stopRequest = new OrderRequest(
            ClientOrderIds.Format(_options.BotId, trade.PlanId, stopLeg.LegId, stopLeg.NextAttempt++),
            trade.Symbol, exitSide, OrderType.StopMarket, open, stopPrice: stopLeg.Price, reduceOnly: reduceOnly);
        var oco = new OcoRequest(
            ClientOrderIds.FormatList(_options.BotId, trade.PlanId, ClientOrderIds.Leg('o', ++trade.OcoLists), 0), takeRequest, stopRequest);
        takeLeg.Working = Register(trade, takeRequest, OrderLegKind.TakeProfit, takeLeg.LegId, takeLeg.NextAttempt - 1, venueLinked: true);
        stopLeg.Working = Register(trade, stopRequest, OrderLegKind.StopLoss, stopLeg.LegId, stopLeg.NextAttempt - 1, venueLinked: true);
        if (_listeners.Count > 0)
        {
            Raise(new OrderCommand(OrderCommandKind.SubmitOco, takeRequest.ClientOrderId, trade.Symbol, Now, takeRequest, ListId: oco.ListId));
        }

        _venue.SubmitOco(oco);
    }

    private void CancelLeg(ManagedOrder? order)
    {
        if (order is { IsWorking: true, CancelPending: false })
        {
            RequestCancel(order);
        }
    }

    private void SyncLeg(Trade trade, ExitLeg leg, decimal target)
    {
        var working = leg.Working;
        if (working is not null && !working.IsWorking)
        {
            leg.Working = working = null;
        }

        if (working is not null)
        {
            if (working.CancelPending || working.PendingAmend is not null || working.Status is OrderStatus.Submitted or OrderStatus.Unknown)
            {
                return;
            }

            if (target <= 0m)
            {
                RequestCancel(working);
                return;
            }

            var price = leg.IsStop ? working.Order.StopPrice : working.Order.Price;
            if (working.Order.RemainingQuantity == target && price == leg.Price)
            {
                return;
            }

            if (_venue.Capabilities.NativeAmend && !working.AmendRefused)
            {
                var total = working.Order.FilledQuantity + target;
                Amend(working, total == working.Order.Quantity ? null : total, price == leg.Price ? null : leg.Price);
            }
            else
            {
                // Cancel + replace: the replacement (attempt + 1) goes out once the cancel is confirmed.
                RequestCancel(working);
            }

            return;
        }

        if (target <= 0m || leg.HoldUntilBar)
        {
            return;
        }

        var exitSide = trade.EntrySide.Opposite();
        var request = leg.IsStop
            ? new OrderRequest(
                ClientOrderIds.Format(_options.BotId, trade.PlanId, leg.LegId, leg.NextAttempt), trade.Symbol, exitSide, OrderType.StopMarket, target,
                stopPrice: leg.Price, reduceOnly: ReduceOnlyExits(trade))
            : new OrderRequest(
                ClientOrderIds.Format(_options.BotId, trade.PlanId, leg.LegId, leg.NextAttempt), trade.Symbol, exitSide, OrderType.Limit, target,
                leg.Price, reduceOnly: ReduceOnlyExits(trade));
        leg.Working = Register(trade, request, leg.Kind, leg.LegId, leg.NextAttempt);
        leg.NextAttempt++;
        SendSubmit(request);
    }

    /// <summary>Closing: cancel the entry and every exit, and once nothing works any more, exit what is open at market (sliced).</summary>
    private void SyncClosing(Trade trade)
    {
        var waiting = trade.WorkingEntry is { IsWorking: true };
        foreach (var leg in trade.ExitLegs)
        {
            if (leg.Working is { IsWorking: true } working)
            {
                waiting = true;
                CancelLeg(working);
            }
        }

        if (waiting || trade.WorkingExit is { IsWorking: true } || trade.CloseRefused)
        {
            return;
        }

        var open = trade.OpenQuantity;
        if (open <= 0m)
        {
            return;
        }

        trade.ExitChild++;
        var legId = ClientOrderIds.Leg('x', trade.ExitChild);
        var request = new OrderRequest(
            ClientOrderIds.Format(_options.BotId, trade.PlanId, legId, 0), trade.Symbol, trade.EntrySide.Opposite(), OrderType.Market,
            Math.Min(open, trade.ChildQuantity), reduceOnly: ReduceOnlyExits(trade));
        trade.WorkingExit = Register(trade, request, OrderLegKind.Exit, legId, 0);
        SendSubmit(request);
    }

    private void Complete(Trade trade)
    {
        if (!trade.IsOpen || !trade.EntryDone || trade.WorkingEntry is { IsWorking: true })
        {
            return;
        }

        if (trade.EntryQuantity == 0m)
        {
            trade.Status = TradeStatus.Cancelled;
            trade.ExitReason = trade.Closing ? trade.CloseReason : trade.EntryEndReason;
            trade.ClosedAtMs = Now;
        }
        else if (trade.OpenQuantity == 0m)
        {
            trade.Status = TradeStatus.Closed;
            trade.ExitReason = trade.LastExitReason;
            trade.ClosedAtMs = Math.Max(trade.ExitFills[^1].Fill.TimeMs, trade.OpenedAtMs ?? 0);
        }
        else
        {
            return;
        }

        _openBySymbol[trade.Symbol].Remove(trade);
        _open.Remove(trade);
        CancelAllWorking(trade);
        foreach (var listener in _listeners)
        {
            listener.OnTradeClosed(trade);
        }
    }

    private void CancelAllWorking(Trade trade)
    {
        foreach (var order in trade.Orders)
        {
            CancelLeg(order);
        }
    }

    private bool ReduceOnlyExits(Trade trade) => trade.Symbol.IsPerpetual && _venue.Capabilities.ReduceOnly;

    private ManagedOrder Register(Trade trade, OrderRequest request, OrderLegKind leg, string legId, int attempt, bool venueLinked = false, bool awaitAck = true)
    {
        var now = Now;

        // Born Submitted (New → Submitted recorded as its first change): the New snapshot would never be read.
        var order = new ManagedOrder(new Order(request, now, OrderStatus.Submitted), trade, leg, legId, attempt) { SentAtMs = now, VenueLinked = venueLinked };
        if (!_ordersById.TryAdd(request.ClientOrderId, order))
        {
            throw new InvalidOperationException($"client order id {request.ClientOrderId} was already used (trade {trade.TradeId}, leg {legId}, attempt {attempt})");
        }

        _orders.Add(order);
        trade.AddOrder(order);
        Record(order, new OrderStateChange(order.ClientOrderId, OrderStatus.New, OrderStatus.Submitted, now, null, "sent"));
        if (awaitAck)
        {
            _awaitingAck.Add(order);
        }

        return order;
    }

    /// <summary>Tells the listeners a command is leaving (only built when someone listens).</summary>
    private void Raise(OrderCommand command)
    {
        foreach (var listener in _listeners)
        {
            listener.OnOrderCommandSent(command);
        }
    }

    private void SendSubmit(OrderRequest request)
    {
        if (_listeners.Count > 0)
        {
            Raise(new OrderCommand(OrderCommandKind.Submit, request.ClientOrderId, request.Symbol, Now, request));
        }

        _venue.Submit(request);
    }

    private void RequestCancel(ManagedOrder order)
    {
        if (order.CancelPending || !order.IsWorking)
        {
            return;
        }

        order.CancelPending = true;
        var symbol = order.Order.Symbol;
        var id = order.ClientOrderId;
        if (_listeners.Count > 0)
        {
            Raise(new OrderCommand(OrderCommandKind.Cancel, id, symbol, Now));
        }

        _venue.Cancel(symbol, id);
    }

    private void Amend(ManagedOrder order, decimal? quantity, decimal? price)
    {
        var request = order.Leg == OrderLegKind.StopLoss
            ? new AmendRequest(order.Order.Symbol, order.ClientOrderId, quantity, StopPrice: price)
            : new AmendRequest(order.Order.Symbol, order.ClientOrderId, quantity, Price: price);
        order.PendingAmend = request;
        if (_listeners.Count > 0)
        {
            Raise(new OrderCommand(OrderCommandKind.Amend, order.ClientOrderId, request.Symbol, Now, Amend: request));
        }

        _venue.Amend(request);
    }
}
