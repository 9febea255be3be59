using Quorum.Core;
using Quorum.Core.Trading;

namespace Quorum.Execution.Simulation;

/// <summary>The exchange's mutable book entry for one order (loop thread only).</summary>
internal sealed class WorkingOrder(OrderRequest request, string venueOrderId, long sequence, long eligibleFromMs, OrderRole role)
{
    /// <summary>The order as currently working (after amendments; bracket exits carry their armed quantity).</summary>
    public OrderRequest Request { get; set; } = request;

    public string VenueOrderId { get; } = venueOrderId;

    /// <summary>Submission order; orders match in this order at equal prices.</summary>
    public long Sequence { get; } = sequence;

    /// <summary>The order takes part in Match bars that open at or after this time (no look-ahead).</summary>
    public long EligibleFromMs { get; set; } = eligibleFromMs;

    public OrderRole Role { get; } = role;

    /// <summary>The quantity the order was submitted with (a bracket exit's full size once the entry has filled completely).</summary>
    public decimal Planned { get; } = request.Quantity;

    /// <summary>Quantity filled so far.</summary>
    public decimal Filled { get; set; }

    /// <summary>Quantity the order may fill in total for now (the request's; the armed size for bracket exits).</summary>
    public decimal Target { get; set; } = request.Quantity;

    /// <summary>False for bracket exits until the entry fills.</summary>
    public bool Armed { get; set; } = true;

    /// <summary>True once a stop/take-profit trigger has been touched.</summary>
    public bool Triggered { get; set; }

    /// <summary>True when fills take liquidity (marketable at submission or when triggered).</summary>
    public bool Taker { get; set; }

    public bool Terminal { get; set; }

    /// <summary>Amount of <see cref="ReservedAsset"/> held for this order's remaining quantity.</summary>
    public decimal Reserved { get; set; }

    public string? ReservedAsset { get; set; }

    public WorkingOrder? OcoSibling { get; set; }

    public BracketGroup? Bracket { get; set; }

    public decimal Remaining => Target - Filled;

    /// <summary>Something is left to fill (<see cref="Filled"/> &lt; <see cref="Target"/>): a compare, where <see cref="Remaining"/> subtracts (checked on every bar a resting order sees).</summary>
    public bool HasRemaining => FastDecimal.Less(Filled, Target);

    public OrderSide Side => Request.Side;

    public bool IsImmediate => Request.TimeInForce is TimeInForce.Ioc or TimeInForce.Fok;

    /// <summary>True for stop/take-profit orders still waiting for their trigger.</summary>
    public bool AwaitsTrigger => Request.Type.HasTriggerPrice() && !Triggered;

    /// <summary>True when the order now fills at market: a market order, or a triggered stop-market/take-profit-market.</summary>
    public bool IsMarketNow => Request.Type == OrderType.Market || (Triggered && Request.Type is OrderType.StopMarket or OrderType.TakeProfitMarket);

    /// <summary>True when the trigger fires on a rise (buy stops, sell take-profits); false when on a fall.</summary>
    public bool TriggersOnRise =>
        Request.Type is OrderType.StopMarket or OrderType.StopLimit ? Side == OrderSide.Buy : Side == OrderSide.Sell;

    /// <summary>True when this leg only closes exposure: a reduce-only order or a bracket exit.</summary>
    public bool IsExit => Request.ReduceOnly || Role is OrderRole.BracketStop or OrderRole.BracketTakeProfit;
}
