using Quorum.Core.Instruments;

namespace Quorum.Core.Trading;

/// <summary>
/// The state of one order: its <see cref="Request"/> plus what the venue has told us (status,
/// venue id, filled quantity, average fill price). Immutable: <see cref="WithStatus"/> and
/// <see cref="WithFill"/> return the next state. Which transitions are allowed is the OMS's job;
/// this type only keeps the numbers consistent (never overfilled, time never backwards).
/// </summary>
public sealed record Order
{
    public Order(
        OrderRequest request,
        long createdAtMs,
        OrderStatus status = OrderStatus.New,
        decimal filledQuantity = 0m,
        decimal? averageFillPrice = null,
        string? venueOrderId = null,
        long? updatedAtMs = null)
    {
        Request = request ?? throw new ArgumentNullException(nameof(request));
        CreatedAtMs = createdAtMs;
        UpdatedAtMs = Guard.NotBefore(updatedAtMs ?? createdAtMs, createdAtMs, nameof(updatedAtMs), nameof(createdAtMs));
        Status = Guard.Defined(status);
        Guard.NonNegative(filledQuantity, $"order {request.ClientOrderId} filled quantity");
        if (FastDecimal.Less(request.Quantity, filledQuantity))
        {
            throw new ArgumentOutOfRangeException(
                nameof(filledQuantity), filledQuantity, $"order {request.ClientOrderId}: filled quantity {filledQuantity} exceeds order quantity {request.Quantity}");
        }

        FilledQuantity = filledQuantity;
        if (FastDecimal.IsPositive(filledQuantity) != averageFillPrice.HasValue)
        {
            throw new ArgumentException(
                $"order {request.ClientOrderId}: average fill price {averageFillPrice?.ToString() ?? "none"} must be given exactly when something filled (filled {filledQuantity})",
                nameof(averageFillPrice));
        }

        AverageFillPrice = Guard.PositiveOrNull(averageFillPrice, $"order {request.ClientOrderId} average fill price");
        var whole = FastDecimal.Compare(filledQuantity, request.Quantity) == 0;
        if ((status == OrderStatus.Filled) != whole)
        {
            throw new ArgumentException(
                status == OrderStatus.Filled
                    ? $"order {request.ClientOrderId}: status Filled needs filled quantity {request.Quantity} (got {filledQuantity})"
                    : $"order {request.ClientOrderId}: filled quantity {filledQuantity} is the whole order, so the status must be Filled (got {status})",
                nameof(status));
        }

        if (status == OrderStatus.PartiallyFilled && (FastDecimal.IsZero(filledQuantity) || whole))
        {
            throw new ArgumentException(
                $"order {request.ClientOrderId}: status PartiallyFilled needs 0 < filled < {request.Quantity} (got {filledQuantity})", nameof(status));
        }

        VenueOrderId = venueOrderId;
    }

    public OrderRequest Request { get; }

    /// <summary>Engine time the order was created (UTC ms).</summary>
    public long CreatedAtMs { get; }

    /// <summary>Time of the last change (UTC ms), never before <see cref="CreatedAtMs"/>.</summary>
    public long UpdatedAtMs { get; }

    public OrderStatus Status { get; }

    /// <summary>Quantity filled so far, in [0, <see cref="Quantity"/>].</summary>
    public decimal FilledQuantity { get; }

    /// <summary>Volume-weighted average fill price; null while nothing filled.</summary>
    public decimal? AverageFillPrice { get; }

    /// <summary>The venue's id for the order, once acknowledged.</summary>
    public string? VenueOrderId { get; }

    public string ClientOrderId => Request.ClientOrderId;

    public Symbol Symbol => Request.Symbol;

    public OrderSide Side => Request.Side;

    public OrderType Type => Request.Type;

    public decimal Quantity => Request.Quantity;

    public decimal? Price => Request.Price;

    public decimal? StopPrice => Request.StopPrice;

    public TimeInForce TimeInForce => Request.TimeInForce;

    public bool ReduceOnly => Request.ReduceOnly;

    public decimal RemainingQuantity => Quantity - FilledQuantity;

    public bool IsTerminal => Status.IsTerminal();

    /// <summary>The same order with <paramref name="status"/> at <paramref name="timeMs"/> (and the venue id, when now known).</summary>
    public Order WithStatus(OrderStatus status, long timeMs, string? venueOrderId = null) =>
        new(
            Request,
            CreatedAtMs,
            status,
            FilledQuantity,
            AverageFillPrice,
            venueOrderId ?? VenueOrderId,
            Guard.NotBefore(timeMs, UpdatedAtMs, nameof(timeMs), "order last update"));

    /// <summary>
    /// The order after <paramref name="fill"/>: filled quantity and average price updated, status
    /// Filled when complete, else PartiallyFilled — unless the order is already terminal (a fill
    /// that raced a cancel keeps the order Canceled). Throws on an overfill or a fill of another order.
    /// </summary>
    public Order WithFill(Fill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        if (fill.ClientOrderId != ClientOrderId || fill.Symbol != Symbol || fill.Side != Side)
        {
            throw new ArgumentException(
                $"fill {fill.ClientOrderId} {fill.Side} {fill.Symbol} does not belong to order {ClientOrderId} {Side} {Symbol}", nameof(fill));
        }

        var filled = FilledQuantity + fill.Quantity;
        if (filled > Quantity)
        {
            throw new InvalidOperationException(
                $"order {ClientOrderId}: fill of {fill.Quantity} would overfill (filled {FilledQuantity} of {Quantity})");
        }

        var averagePrice = ((FilledQuantity * (AverageFillPrice ?? 0m)) + (fill.Quantity * fill.Price)) / filled;
        var status = filled == Quantity ? OrderStatus.Filled
            : IsTerminal ? Status
            : OrderStatus.PartiallyFilled;
        return new Order(
            Request,
            CreatedAtMs,
            status,
            filled,
            averagePrice,
            VenueOrderId,
            Math.Max(UpdatedAtMs, fill.TimeMs));
    }

    public override string ToString() =>
        $"{Request} [{Status}" +
        (FilledQuantity > 0m ? $" filled {FilledQuantity} @ {AverageFillPrice}" : string.Empty) +
        "]";
}
