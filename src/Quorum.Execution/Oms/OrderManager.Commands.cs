namespace Quorum.Execution.Oms;

/// <summary>Seed 004's AI commands mapped onto the OMS operations.</summary>
public sealed partial class OrderManager
{
    /// <summary>
    /// Runs a seed-004 command and logs it with its result (<see cref="CommandLog"/>):
    /// PLAN_TRADE → <see cref="PlanTrade"/> (limit entry at the plan's entry unless the command says otherwise);
    /// CANCEL_ORDER → cancel the pending trade, or the working entry of an active one;
    /// ADJUST_TRADE → <see cref="AdjustTrade"/>; DO_NOTHING → nothing.
    /// The ids in a command come from outside (the AI), so an unknown id or an invalid change is a
    /// failed result, not an exception.
    /// </summary>
    public OmsCommandResult Execute(OmsCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        OmsCommandResult result;
        try
        {
            result = command switch
            {
                PlanTradeCommand plan => ExecutePlan(plan),
                CancelOrderCommand cancel => ExecuteCancel(cancel),
                AdjustTradeCommand adjust => ExecuteAdjust(adjust),
                DoNothingCommand => Result(command, true, null, "nothing to do"),
                _ => throw new ArgumentException($"unknown OMS command {command.GetType().Name}", nameof(command)),
            };
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException)
        {
            result = Result(command, false, null, error.Message);
        }

        _commandLog.Add(result);
        return result;
    }

    private OmsCommandResult ExecutePlan(PlanTradeCommand command)
    {
        var trade = PlanTrade(command.Plan, command.Entry ?? TradeEntry.Limit());
        return Result(command, true, trade.TradeId, $"trade {trade.TradeId} {trade.Status}: {command.Plan}");
    }

    private OmsCommandResult ExecuteCancel(CancelOrderCommand command)
    {
        if (Resolve(command.OrderId) is not { } trade)
        {
            return Result(command, false, null, $"no trade or order '{command.OrderId}'");
        }

        if (!trade.IsOpen)
        {
            return Result(command, false, trade.TradeId, $"trade {trade.TradeId} is already {trade.Status}");
        }

        if (trade.EntryDone)
        {
            return Result(command, false, trade.TradeId, $"trade {trade.TradeId} is {trade.Status} and its entry is complete: nothing pending to cancel (close or adjust it instead)");
        }

        HaltEntry(trade, TradeExitReason.Manual);
        MarkDirty(trade);
        Pump();
        return Result(command, true, trade.TradeId, $"trade {trade.TradeId} entry canceled; trade {trade.Status}");
    }

    private OmsCommandResult ExecuteAdjust(AdjustTradeCommand command)
    {
        if (Resolve(command.OrderId) is not { } trade)
        {
            return Result(command, false, null, $"no trade or order '{command.OrderId}'");
        }

        AdjustTrade(trade.TradeId, command.Adjustment);
        return Result(command, true, trade.TradeId, $"trade {trade.TradeId} adjusted: stop {trade.StopPrice}");
    }

    /// <summary>A trade by its id, by one of its client order ids, or by a venue order id.</summary>
    private Trade? Resolve(string id)
    {
        if (_tradesById.TryGetValue(id, out var trade))
        {
            return trade;
        }

        if (_ordersById.TryGetValue(id, out var order))
        {
            return order.Trade;
        }

        foreach (var candidate in _orders)
        {
            if (candidate.Order.VenueOrderId == id)
            {
                return candidate.Trade;
            }
        }

        return null;
    }

    private OmsCommandResult Result(OmsCommand command, bool succeeded, string? tradeId, string message) =>
        new(command.Action, succeeded, tradeId, message, Now);
}
