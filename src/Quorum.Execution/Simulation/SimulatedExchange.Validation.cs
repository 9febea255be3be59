using Quorum.Core.Instruments;
using Quorum.Core.Trading;
using Quorum.Execution.Venues;

namespace Quorum.Execution.Simulation;

/// <summary>Acceptance checks: exchange filters, reduce-only, post-only, immediate triggers, balance and margin.</summary>
public sealed partial class SimulatedExchange
{
    private Rejection? Validate(SymbolBook book, WorkingOrder order, bool reserve = true)
    {
        var rejection = CheckMarket(book, order);
        if (rejection is null && reserve)
        {
            rejection = Reserve(book, order);
        }

        return rejection;
    }

    /// <summary>Bracket exits: the same checks as any order except the position ones (the position does not exist yet) and no reservation.</summary>
    private Rejection? ValidateExitShape(SymbolBook book, WorkingOrder exit) => CheckMarket(book, exit, bracketExit: true);

    private Rejection? CheckMarket(SymbolBook book, WorkingOrder order, bool bracketExit = false)
    {
        var request = order.Request;
        if (request.Type == OrderType.Market && !book.HasPrice)
        {
            return new Rejection(OrderRejectCode.Other, $"{book.Symbol}: no price yet; a market order needs a last price for its filters");
        }

        var violations = book.Instrument.CheckOrder(request, book.HasPrice ? book.LastClose : null);
        if (violations.Count > 0)
        {
            var violation = violations[0];
            var (code, filter) = violation.Kind switch
            {
                FilterViolationKind.PriceNotMultipleOfTick or FilterViolationKind.StopPriceNotMultipleOfTick => (OrderRejectCode.PriceFilter, "PRICE_FILTER"),
                FilterViolationKind.NotionalBelowMinimum => (OrderRejectCode.MinNotional, book.IsPerpetual ? "MIN_NOTIONAL" : "NOTIONAL"),
                _ => (OrderRejectCode.LotSize, "LOT_SIZE"),
            };
            return new Rejection(code, $"Filter failure: {filter} ({violation.Message})");
        }

        if (request.ReduceOnly && !book.IsPerpetual)
        {
            return new Rejection(OrderRejectCode.ReduceOnlyRejected, $"{book.Symbol}: reduce-only is not supported on spot (order {request.ClientOrderId})");
        }

        if (request.ReduceOnly && !bracketExit)
        {
            var position = book.PositionQuantity;
            if (position == 0m || Math.Sign(position) == request.Side.Sign() || request.Quantity > Math.Abs(position))
            {
                return new Rejection(
                    OrderRejectCode.ReduceOnlyRejected,
                    $"ReduceOnly Order is rejected: {request.Side} {request.Quantity} would not only reduce the position {position} of {book.Symbol}");
            }
        }

        if (book.HasPrice)
        {
            var last = book.LastClose;
            if (request.IsPostOnly && IsMarketable(request.Side, request.Price!.Value, last))
            {
                return new Rejection(
                    OrderRejectCode.PostOnlyWouldTake,
                    $"Post-only order would immediately match and take: {request.Side} limit {request.Price} against last price {last}");
            }

            if (request.Type.HasTriggerPrice() && !order.Triggered && TriggerReached(order, last))
            {
                return new Rejection(
                    OrderRejectCode.WouldTriggerImmediately,
                    $"Order would immediately trigger: {request.Type} {request.Side} trigger {request.StopPrice} against last price {last}");
            }

            if (request.Type == OrderType.Limit && IsMarketable(request.Side, request.Price!.Value, last))
            {
                order.Taker = true;
            }
        }

        if (order.IsImmediate)
        {
            order.Taker = true;
        }

        return null;
    }

    /// <summary>A buy limit at or above the last price (a sell at or below) would take liquidity.</summary>
    private static bool IsMarketable(OrderSide side, decimal limit, decimal price) => side == OrderSide.Buy ? limit >= price : limit <= price;

    private static bool TriggerReached(WorkingOrder order, decimal price) =>
        order.TriggersOnRise ? price >= order.Request.StopPrice!.Value : price <= order.Request.StopPrice!.Value;

    /// <summary>Reserves what the order may spend (spot: quote for a buy, base for a sell; perpetual: initial margin + taker fee); a rejection when the free balance is short.</summary>
    private Rejection? Reserve(SymbolBook book, WorkingOrder order)
    {
        var request = order.Request;
        var remaining = order.Remaining;
        if (remaining <= 0m || order.IsExit)
        {
            return null;
        }

        var price = request.Price ?? request.StopPrice ?? book.LastClose;
        var symbol = book.Symbol;
        string asset;
        decimal amount;
        if (!book.IsPerpetual)
        {
            (asset, amount) = request.Side == OrderSide.Buy
                ? (symbol.QuoteAsset, book.Instrument.Notional(price, remaining) * (1m + book.Fees.TakerRate))
                : (symbol.BaseAsset, remaining);
        }
        else
        {
            var reducing = Math.Sign(book.PositionQuantity) == -request.Side.Sign() ? Math.Min(remaining, Math.Abs(book.PositionQuantity)) : 0m;
            asset = symbol.QuoteAsset;
            amount = (book.Instrument.Notional(price, remaining - reducing) / book.Leverage) + (book.Instrument.Notional(price, remaining) * book.Fees.TakerRate);
        }

        var free = Available(asset);
        if (amount > free)
        {
            return new Rejection(
                OrderRejectCode.InsufficientBalance,
                $"Account has insufficient balance for requested action: order {request.ClientOrderId} needs {amount} {asset}, {free} {asset} is free");
        }

        order.ReservedAsset = asset;
        order.Reserved = amount;
        _reserved[asset] = _reserved.GetValueOrDefault(asset) + amount;
        return null;
    }

    private void ReleaseReservation(WorkingOrder order) => ReleaseReservation(order, order.Reserved);

    private void ReleaseReservation(WorkingOrder order, decimal amount)
    {
        if (order.ReservedAsset is not { } asset || amount == 0m)
        {
            return;
        }

        _reserved[asset] -= amount;
        order.Reserved -= amount;
    }
}
