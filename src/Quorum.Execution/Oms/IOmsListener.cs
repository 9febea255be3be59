namespace Quorum.Execution.Oms;

/// <summary>
/// Receives what the OMS does, synchronously on the loop thread, in the order it happens. Every
/// method has an empty default, so a listener implements only what it needs. Register with
/// <see cref="OrderManager.AddListener"/>. A listener must not call back into the OMS.
/// </summary>
public interface IOmsListener
{
    /// <summary>A command is about to leave for the venue (the end of the bar → order latency).</summary>
    void OnOrderCommandSent(OrderCommand command)
    {
    }

    /// <summary>An order changed status (or had a status-less event: triggered, amended, cancel refused).</summary>
    void OnOrderStateChanged(ManagedOrder order, OrderStateChange change)
    {
    }

    /// <summary>A trade's first entry fill: it is now <see cref="TradeStatus.Active"/>.</summary>
    void OnTradeOpened(Trade trade)
    {
    }

    /// <summary>A trade ended, <see cref="TradeStatus.Closed"/> or <see cref="TradeStatus.Cancelled"/>; <see cref="Trade.ExitReason"/> says why.</summary>
    void OnTradeClosed(Trade trade)
    {
    }
}
