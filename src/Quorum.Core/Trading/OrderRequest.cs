using Quorum.Core.Instruments;

namespace Quorum.Core.Trading;

/// <summary>
/// What the OMS asks a venue to do: an immutable order specification with an idempotent client
/// order id. Validated on construction: positive quantity; a limit price exactly for
/// <c>Limit</c>/<c>StopLimit</c>/<c>TakeProfitLimit</c>; a stop (trigger) price exactly for the stop and
/// take-profit types; post-only only on plain limit orders.
/// </summary>
public sealed record OrderRequest
{
    public OrderRequest(
        string clientOrderId,
        Symbol symbol,
        OrderSide side,
        OrderType type,
        decimal quantity,
        decimal? price = null,
        decimal? stopPrice = null,
        TimeInForce timeInForce = TimeInForce.Gtc,
        bool reduceOnly = false)
    {
        ClientOrderId = Trading.ClientOrderId.Validate(clientOrderId, nameof(clientOrderId));
        Symbol = Guard.Symbol(symbol);
        Side = Guard.Defined(side);
        Type = Guard.Defined(type);
        Quantity = Guard.Positive(quantity, $"order {clientOrderId} quantity");
        TimeInForce = Guard.Defined(timeInForce);
        ReduceOnly = reduceOnly;

        if (type.HasLimitPrice())
        {
            Price = price is null
                ? throw new ArgumentException($"order {clientOrderId}: a {type} order needs a limit price", nameof(price))
                : Guard.Positive(price.Value, $"order {clientOrderId} price", nameof(price));
        }
        else if (price is not null)
        {
            throw new ArgumentException($"order {clientOrderId}: a {type} order takes no limit price (got {price})", nameof(price));
        }

        if (type.HasTriggerPrice())
        {
            StopPrice = stopPrice is null
                ? throw new ArgumentException($"order {clientOrderId}: a {type} order needs a stop (trigger) price", nameof(stopPrice))
                : Guard.Positive(stopPrice.Value, $"order {clientOrderId} stop price", nameof(stopPrice));
        }
        else if (stopPrice is not null)
        {
            throw new ArgumentException($"order {clientOrderId}: a {type} order takes no stop price (got {stopPrice})", nameof(stopPrice));
        }

        if (timeInForce == TimeInForce.PostOnly && type != OrderType.Limit)
        {
            throw new ArgumentException($"order {clientOrderId}: post-only applies to Limit orders only (got {type})", nameof(timeInForce));
        }
    }

    /// <summary>Idempotent id chosen by us; see <see cref="Trading.ClientOrderId"/> for the allowed form.</summary>
    public string ClientOrderId { get; }

    public Symbol Symbol { get; }

    public OrderSide Side { get; }

    public OrderType Type { get; }

    /// <summary>Order quantity (base asset units, or contracts), &gt; 0.</summary>
    public decimal Quantity { get; }

    /// <summary>Limit price, present exactly for limit-priced types.</summary>
    public decimal? Price { get; }

    /// <summary>Trigger price, present exactly for stop and take-profit types.</summary>
    public decimal? StopPrice { get; }

    public TimeInForce TimeInForce { get; }

    /// <summary>May only reduce an existing position (derivatives).</summary>
    public bool ReduceOnly { get; }

    /// <summary>True for a post-only (maker-only, Binance GTX) order: <see cref="TimeInForce"/> is <see cref="TimeInForce.PostOnly"/>.</summary>
    public bool IsPostOnly => TimeInForce == TimeInForce.PostOnly;

    public override string ToString() =>
        $"{ClientOrderId} {Side} {Quantity} {Symbol} {Type}" +
        (Price is { } p ? $" @ {p}" : string.Empty) +
        (StopPrice is { } s ? $" trigger {s}" : string.Empty) +
        $" {TimeInForce}" +
        (ReduceOnly ? " reduce-only" : string.Empty);
}
