using Quorum.Core.Trading;
using Quorum.Execution.Venues;

namespace Quorum.Execution.Oms;

/// <summary>Execution reports: the order state machine and the trade's books.</summary>
public sealed partial class OrderManager
{
    /// <summary>
    /// Applies one venue report: moves the order's state (illegal transitions throw naming the order
    /// and both states), records fills on the trade (with slippage and spread), then re-plans the trade.
    /// Reports for ids this OMS never sent are counted in <see cref="UnmatchedReports"/> and ignored,
    /// except liquidations, which are attributed to the symbol's open trades.
    /// </summary>
    public void OnExecutionReport(ExecutionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!_ordersById.TryGetValue(report.ClientOrderId, out var order))
        {
            if (report.Kind == ExecutionReportKind.Liquidated && report.Fill is not null)
            {
                ApplyLiquidation(report);
            }
            else
            {
                UnmatchedReports++;
            }

            Pump();
            return;
        }

        var trade = order.Trade;
        switch (report.Kind)
        {
            case ExecutionReportKind.Accepted:
                if (order.Status is OrderStatus.Accepted or OrderStatus.PartiallyFilled)
                {
                    Note(order, report.Kind, "acknowledged again");
                }
                else
                {
                    Transition(order, OrderStatus.Accepted, report.Kind, null, report.VenueOrderId);
                }

                break;
            case ExecutionReportKind.Triggered:
                Note(order, report.Kind, report.Reason);
                break;
            case ExecutionReportKind.PartiallyFilled:
            case ExecutionReportKind.Filled:
                ApplyFill(order, report);
                break;
            case ExecutionReportKind.Rejected:
            case ExecutionReportKind.Canceled:
            case ExecutionReportKind.Expired:
                order.Reason = report.Reason ?? order.Reason;
                order.RejectCode = report.RejectCode;
                var requested = order.CancelPending;
                order.CancelPending = false;
                order.PendingAmend = null;
                Transition(
                    order,
                    report.Kind switch
                    {
                        ExecutionReportKind.Rejected => OrderStatus.Rejected,
                        ExecutionReportKind.Canceled => OrderStatus.Canceled,
                        _ => OrderStatus.Expired,
                    },
                    report.Kind,
                    report.Reason,
                    report.VenueOrderId);
                OnOrderEnded(order, report, requested);
                break;
            case ExecutionReportKind.Amended:
                ApplyAmend(order, report);
                break;
            case ExecutionReportKind.CancelRejected:
                OnModifyRefused(order, report);
                break;
            case ExecutionReportKind.Liquidated:
                if (report.Fill is null)
                {
                    throw new InvalidOperationException($"liquidation report for {report.ClientOrderId} carries no fill");
                }

                ApplyLiquidation(report);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(report), report.Kind, $"unknown execution report kind {report.Kind}");
        }

        MarkDirty(trade);
        Pump();
    }

    private void ApplyFill(ManagedOrder order, ExecutionReport report)
    {
        var fill = report.Fill ?? throw new InvalidOperationException($"{report.Kind} report for order {order.ClientOrderId} carries no fill");
        var from = order.Status;
        if (order.Order.IsTerminal)
        {
            throw new InvalidOperationException(
                $"order {order.ClientOrderId}: a fill of {fill.Quantity} arrived after it became {from} (transition {from} → {OrderStatus.PartiallyFilled} is not allowed)");
        }

        var next = order.Order.WithFill(fill);
        OrderStateMachine.Check(order.ClientOrderId, from, next.Status);
        if (report.Kind == ExecutionReportKind.Filled && next.Status != OrderStatus.Filled)
        {
            throw new InvalidOperationException(
                $"order {order.ClientOrderId}: the venue reported Filled but fills sum to {next.FilledQuantity} of {next.Quantity}");
        }

        order.Order = report.VenueOrderId is { } venueId && next.VenueOrderId is null
            ? next.WithStatus(next.Status, next.UpdatedAtMs, venueId)
            : next;
        Record(order, new OrderStateChange(order.ClientOrderId, from, next.Status, Math.Max(Now, next.UpdatedAtMs), report.Kind, null));

        var trade = order.Trade;
        var role = order.Leg == OrderLegKind.Entry ? TradeFillRole.Entry : TradeFillRole.Exit;
        var tradeFill = new TradeFill(fill, role, order.LegId, report.ReferencePrice, report.Slippage, report.Spread, FeeInQuote(trade, fill));
        if (role == TradeFillRole.Entry)
        {
            trade.AddFill(tradeFill);
            if (trade.Status == TradeStatus.Pending)
            {
                trade.Status = TradeStatus.Active;
                trade.OpenedAtMs = fill.TimeMs;
                trade.ExtremePrice = fill.Price;
                foreach (var listener in _listeners)
                {
                    listener.OnTradeOpened(trade);
                }
            }

            if (next.Status == OrderStatus.Filled && ReferenceEquals(trade.WorkingEntry, order))
            {
                trade.EntryChild++;
                trade.EntryAttempt = 0;
            }

            return;
        }

        trade.AddFill(tradeFill);
        if (FindLeg(trade, order) is { } leg)
        {
            leg.FilledQuantity += fill.Quantity;
            trade.LastExitLeg = leg;
            if (leg.IsStop)
            {
                trade.LastExitReason = StopReason(trade);

                // A stop that fires ends the trade: no more entry orders.
                HaltEntry(trade, trade.LastExitReason);
            }
            else
            {
                trade.LastExitReason = TradeExitReason.TakeProfit;
            }
        }
        else
        {
            trade.LastExitReason = trade.CloseReason;
        }
    }

    /// <summary>The exit reason of a stop that fires now: what last moved it.</summary>
    private static TradeExitReason StopReason(Trade trade) => trade.StopOrigin switch
    {
        StopOrigin.Trail => TradeExitReason.TrailingStop,
        StopOrigin.BreakEven => TradeExitReason.BreakEven,
        _ => TradeExitReason.StopLoss,
    };

    private static decimal FeeInQuote(Trade trade, Fill fill) =>
        fill.FeeAsset == trade.Symbol.QuoteAsset ? fill.Fee
        : fill.FeeAsset == trade.Symbol.BaseAsset ? fill.Fee * fill.Price
        : 0m;

    private void ApplyAmend(ManagedOrder order, ExecutionReport report)
    {
        var current = order.Order.Request;
        var amended = report.Amended;
        if (amended is null && order.PendingAmend is { } pending)
        {
            amended = new OrderRequest(
                current.ClientOrderId,
                current.Symbol,
                current.Side,
                current.Type,
                pending.Quantity ?? current.Quantity,
                pending.Price ?? current.Price,
                pending.StopPrice ?? current.StopPrice,
                current.TimeInForce,
                current.ReduceOnly);
        }

        order.PendingAmend = null;
        if (amended is not null)
        {
            var o = order.Order;
            var status = o.Status;
            if (status == OrderStatus.Filled && amended.Quantity > o.FilledQuantity)
            {
                // A native bracket's exit that filled its share grows again with the entry's next fill.
                status = OrderStatus.PartiallyFilled;
                Record(order, new OrderStateChange(order.ClientOrderId, OrderStatus.Filled, status, Math.Max(Now, o.UpdatedAtMs), report.Kind, "bracket exit grew with the entry"));
            }

            order.Order = new Order(amended, o.CreatedAtMs, status, o.FilledQuantity, o.AverageFillPrice, o.VenueOrderId, Math.Max(Now, o.UpdatedAtMs));
        }

        if (amended is null)
        {
            Note(order, report.Kind, "amended (no details)");
        }
        else
        {
            Record(order, new OrderStateChange(order.ClientOrderId, order.Status, Math.Max(Now, order.Order.UpdatedAtMs), report.Kind, amended));
        }
    }

    private void OnModifyRefused(ManagedOrder order, ExecutionReport report)
    {
        var wasAmend = order.PendingAmend is not null;
        var movedTrigger = order.PendingAmend?.StopPrice is not null;
        order.CancelPending = false;
        order.PendingAmend = null;
        order.Reason = report.Reason;
        Note(order, report.Kind, report.Reason);
        if (!wasAmend || !order.IsWorking)
        {
            return;
        }

        var trade = order.Trade;
        if (FindLeg(trade, order) is not { } leg)
        {
            return;
        }

        if (leg.IsStop && movedTrigger)
        {
            // The new stop is past the market (or the venue cannot move it): exit now instead.
            RequestClose(trade, StopReason(trade), $"stop move refused: {report.Reason}");
        }
        else
        {
            // The venue will not resize (or reprice) this order in place: change it by cancel + replace from now on.
            order.AmendRefused = true;
        }
    }

    private void OnOrderEnded(ManagedOrder order, ExecutionReport report, bool requested)
    {
        var trade = order.Trade;
        if (order.Leg == OrderLegKind.Entry)
        {
            if (!ReferenceEquals(trade.WorkingEntry, order))
            {
                return;
            }

            trade.WorkingEntry = null;
            if (order.Status == OrderStatus.Filled)
            {
                return;
            }

            var postOnlyRefused = order.Order.Request.IsPostOnly && order.Order.FilledQuantity == 0m
                && (report.RejectCode == OrderRejectCode.PostOnlyWouldTake || report.Kind == ExecutionReportKind.Expired);
            if (postOnlyRefused && !trade.Closing && !trade.EntryHalted && trade.PostOnlyRetriesUsed < _options.PostOnlyRetries)
            {
                trade.PostOnlyRetriesUsed++;
                trade.EntryAttempt++;
                trade.EntryWaitsForBar = true;
                return;
            }

            trade.EntryDone = true;
            if (!trade.EntryHalted && !trade.Closing)
            {
                trade.EntryEndReason = report.Kind == ExecutionReportKind.Expired && !postOnlyRefused ? TradeExitReason.Expired
                    : report.Kind == ExecutionReportKind.Canceled ? TradeExitReason.Manual
                    : TradeExitReason.Rejected;
                trade.ExitNote ??= report.Reason;
            }

            return;
        }

        if (order.Leg == OrderLegKind.Exit)
        {
            if (ReferenceEquals(trade.WorkingExit, order))
            {
                trade.WorkingExit = null;
                if (report.Kind == ExecutionReportKind.Rejected)
                {
                    trade.CloseRefused = true;
                    trade.ExitNote = $"market exit refused: {report.Reason}";
                }
            }

            return;
        }

        if (FindLeg(trade, order) is not { } leg || !ReferenceEquals(leg.Working, order))
        {
            return;
        }

        leg.Working = null;
        if (report.Kind == ExecutionReportKind.Canceled && !requested && !order.VenueLinked)
        {
            leg.HoldUntilBar = true;
        }

        if (report.Kind is ExecutionReportKind.Rejected or ExecutionReportKind.Expired)
        {
            if (trade.OpenQuantity <= 0m)
            {
                // Nothing to protect (a native bracket refused with its entry): nothing to do.
                return;
            }

            if (leg.IsStop)
            {
                // A stop the venue will not hold (typically: its trigger is already crossed): exit at market.
                leg.Disabled = true;
                RequestClose(trade, StopReason(trade), $"stop refused: {report.Reason}");
            }
            else
            {
                leg.Disabled = true;
            }
        }
    }

    private void ApplyLiquidation(ExecutionReport report)
    {
        var fill = report.Fill!;
        var remaining = fill.Quantity;
        if (!_openBySymbol.TryGetValue(report.Symbol, out var open))
        {
            UnmatchedReports++;
            return;
        }

        // The venue liquidates the symbol's whole position: share the fill among the open trades, oldest first.
        var touched = false;
        foreach (var trade in open)
        {
            if (remaining <= 0m)
            {
                break;
            }

            if (trade.Status != TradeStatus.Active || trade.OpenQuantity <= 0m || trade.EntrySide.Opposite() != fill.Side)
            {
                continue;
            }

            var quantity = Math.Min(remaining, trade.OpenQuantity);
            var share = new Fill(fill.ClientOrderId, fill.Symbol, fill.Side, fill.Price, quantity, fill.Fee * quantity / fill.Quantity, fill.FeeAsset, fill.Liquidity, fill.TimeMs, fill.TradeId);
            trade.AddFill(new TradeFill(share, TradeFillRole.Exit, "liq", report.ReferencePrice, report.Slippage, report.Spread, FeeInQuote(trade, share)));
            remaining -= quantity;
            trade.LastExitReason = TradeExitReason.Liquidation;
            HaltEntry(trade, TradeExitReason.Liquidation);
            RequestClose(trade, TradeExitReason.Liquidation, report.Reason ?? "liquidated by the venue");
            MarkDirty(trade);
            touched = true;
        }

        if (!touched)
        {
            UnmatchedReports++;
        }
    }

    private void Transition(ManagedOrder order, OrderStatus to, ExecutionReportKind? kind, string? reason, string? venueOrderId = null)
    {
        var from = order.Status;
        OrderStateMachine.Check(order.ClientOrderId, from, to);
        var time = Math.Max(Now, order.Order.UpdatedAtMs);
        order.Order = order.Order.WithStatus(to, time, venueOrderId);
        Record(order, new OrderStateChange(order.ClientOrderId, from, to, time, kind, reason));
    }

    private void Note(ManagedOrder order, ExecutionReportKind kind, string? reason) =>
        Record(order, new OrderStateChange(order.ClientOrderId, order.Status, order.Status, Math.Max(Now, order.Order.UpdatedAtMs), kind, reason));

    private void Record(ManagedOrder order, OrderStateChange change)
    {
        order.Record(change);
        foreach (var listener in _listeners)
        {
            listener.OnOrderStateChanged(order, change);
        }
    }
}
