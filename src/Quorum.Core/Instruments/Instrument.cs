using Quorum.Core.Trading;

namespace Quorum.Core.Instruments;

/// <summary>
/// A tradable instrument: its <see cref="Symbol"/> and the venue's <see cref="InstrumentFilters"/>,
/// with helpers that put prices and quantities on the venue's grid and that list, as values, every
/// filter an order would break.
/// </summary>
/// <remarks>
/// Grids are anchored at zero: a valid price is a whole multiple of the tick, a valid quantity a
/// whole multiple of the step (venues publish their minimums on that grid). Notional is
/// price × quantity × <see cref="ContractSize"/> (1 for spot and USDT-M linear perpetuals).
/// </remarks>
public sealed record Instrument
{
    public Instrument(Symbol symbol, InstrumentFilters filters, decimal? maxQuantity = null, decimal contractSize = 1m)
    {
        Symbol = Guard.Symbol(symbol);
        Filters = filters ?? throw new ArgumentNullException(nameof(filters));
        if (maxQuantity is { } max && (max <= 0m || max < filters.MinQuantity))
        {
            throw new ArgumentOutOfRangeException(
                nameof(maxQuantity), maxQuantity, $"{symbol}: max quantity {max} must be positive and ≥ min quantity {filters.MinQuantity}");
        }

        MaxQuantity = maxQuantity;
        ContractSize = Guard.Positive(contractSize, $"{symbol} contract size");
    }

    public Symbol Symbol { get; }

    public InstrumentFilters Filters { get; }

    /// <summary>Largest order quantity the venue accepts; null when unlimited (or not known).</summary>
    public decimal? MaxQuantity { get; }

    /// <summary>Base units per contract; 1 for spot and linear perpetuals.</summary>
    public decimal ContractSize { get; }

    public decimal TickSize => Filters.TickSize;

    public decimal StepSize => Filters.StepSize;

    public decimal MinQuantity => Filters.MinQuantity;

    public decimal MinNotional => Filters.MinNotional;

    public int PricePrecision => Filters.PricePrecision;

    public int QuantityPrecision => Filters.QuantityPrecision;

    /// <summary>
    /// <paramref name="price"/> rounded to a multiple of the tick (nearest by default; an exact half
    /// rounds up). A price below one tick rounded down or to nearest gives 0, which
    /// <see cref="Validate"/> does not accept. Throws when the price is not positive.
    /// </summary>
    public decimal RoundPrice(decimal price, RoundingMode mode = RoundingMode.Nearest) =>
        DecimalMath.RoundToMultiple(Guard.Positive(price, $"{Symbol} price"), TickSize, mode, PricePrecision);

    /// <summary><paramref name="quantity"/> rounded to a multiple of the step, down by default (never more than asked). Throws when negative.</summary>
    public decimal RoundQuantity(decimal quantity, RoundingMode mode = RoundingMode.Down) =>
        DecimalMath.RoundToMultiple(Guard.NonNegative(quantity, $"{Symbol} quantity"), StepSize, mode, QuantityPrecision);

    /// <summary><paramref name="quantity"/> rounded down to a multiple of the step.</summary>
    public decimal FloorQuantity(decimal quantity) => RoundQuantity(quantity, RoundingMode.Down);

    public bool IsOnTick(decimal price) => DecimalMath.IsMultipleOf(price, TickSize);

    public bool IsOnStep(decimal quantity) => DecimalMath.IsMultipleOf(quantity, StepSize);

    /// <summary>price × quantity × contract size, in the quote asset.</summary>
    public decimal Notional(decimal price, decimal quantity) => price * quantity * ContractSize;

    /// <summary>
    /// The smallest quantity on the step grid that passes the min-quantity and min-notional filters
    /// at <paramref name="price"/> (and is at least one step).
    /// </summary>
    public decimal MinimumQuantityAt(decimal price)
    {
        Guard.Positive(price, $"{Symbol} price");
        var quantity = Math.Max(Math.Max(MinQuantity, StepSize), MinNotional / (price * ContractSize));
        quantity = DecimalMath.RoundToMultiple(quantity, StepSize, RoundingMode.Up, QuantityPrecision);

        // The division above is rounded to 28 significant digits and may land a hair below the true
        // quotient (1 / 3 → 0.333…3); on a fine enough step that is one step short of the minimum.
        while (Notional(price, quantity) < MinNotional)
        {
            quantity += StepSize;
        }

        return quantity;
    }

    /// <summary>
    /// Every filter a limit order at <paramref name="price"/> for <paramref name="quantity"/> breaks,
    /// in the order tick, step, min quantity, max quantity, min notional; empty when the venue would
    /// accept it. A zero quantity is reported as below the minimum (one step when the venue has no
    /// minimum). Throws on a non-positive price or a negative quantity: those are bugs, not rejections.
    /// </summary>
    public IReadOnlyList<FilterViolation> Validate(decimal price, decimal quantity)
    {
        Guard.Positive(price, $"{Symbol} price");
        Guard.NonNegative(quantity, $"{Symbol} quantity");
        List<FilterViolation>? violations = null;
        CheckPrice(price, FilterViolationKind.PriceNotMultipleOfTick, "price", ref violations);
        CheckQuantity(quantity, ref violations);
        CheckNotional(price, quantity, ref violations);
        return violations ?? (IReadOnlyList<FilterViolation>)[];
    }

    /// <summary>
    /// Every filter <paramref name="order"/> breaks, as <see cref="Validate"/> does, plus the stop
    /// price's tick. Notional is taken at the limit price, else the stop price, else
    /// <paramref name="referencePrice"/> (the last or mark price, required for market orders).
    /// Reduce-only orders are exempt from min notional, as on Binance USDT-M (error -4164
    /// "…unless you choose reduce only").
    /// </summary>
    public IReadOnlyList<FilterViolation> CheckOrder(OrderRequest order, decimal? referencePrice = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Symbol != Symbol)
        {
            throw new ArgumentException($"order {order.ClientOrderId} is for {order.Symbol}, not {Symbol}", nameof(order));
        }

        Guard.PositiveOrNull(referencePrice, $"{Symbol} reference price");
        var notionalPrice = order.Price ?? order.StopPrice ?? referencePrice
            ?? throw new ArgumentException(
                $"order {order.ClientOrderId}: a {order.Type} order has no price; pass the last or mark price as referencePrice for the min notional check",
                nameof(referencePrice));

        List<FilterViolation>? violations = null; // created on the first violation: a valid order allocates nothing here
        if (order.Price is { } price)
        {
            CheckPrice(price, FilterViolationKind.PriceNotMultipleOfTick, "price", ref violations);
        }

        if (order.StopPrice is { } stopPrice)
        {
            CheckPrice(stopPrice, FilterViolationKind.StopPriceNotMultipleOfTick, "stop price", ref violations);
        }

        CheckQuantity(order.Quantity, ref violations);
        if (!order.ReduceOnly)
        {
            CheckNotional(notionalPrice, order.Quantity, ref violations);
        }

        return violations ?? (IReadOnlyList<FilterViolation>)[];
    }

    private void CheckPrice(decimal price, FilterViolationKind kind, string what, ref List<FilterViolation>? violations)
    {
        if (!IsOnTick(price))
        {
            (violations ??= []).Add(new FilterViolation(kind, price, TickSize, $"{Symbol}: {what} {price} is not a multiple of tick size {TickSize}"));
        }
    }

    private void CheckQuantity(decimal quantity, ref List<FilterViolation>? violations)
    {
        if (!IsOnStep(quantity))
        {
            (violations ??= []).Add(new FilterViolation(
                FilterViolationKind.QuantityNotMultipleOfStep, quantity, StepSize, $"{Symbol}: quantity {quantity} is not a multiple of step size {StepSize}"));
        }

        if (quantity == 0m || quantity < MinQuantity)
        {
            var minimum = MinQuantity > 0m ? MinQuantity : StepSize;
            var rule = MinQuantity > 0m ? $"min quantity {minimum}" : $"one step {minimum}";
            (violations ??= []).Add(new FilterViolation(
                FilterViolationKind.QuantityBelowMinimum, quantity, minimum, $"{Symbol}: quantity {quantity} is below {rule}"));
        }

        if (MaxQuantity is { } maximum && quantity > maximum)
        {
            (violations ??= []).Add(new FilterViolation(
                FilterViolationKind.QuantityAboveMaximum, quantity, maximum, $"{Symbol}: quantity {quantity} is above max quantity {maximum}"));
        }
    }

    private void CheckNotional(decimal price, decimal quantity, ref List<FilterViolation>? violations)
    {
        var notional = Notional(price, quantity);
        if (notional < MinNotional)
        {
            (violations ??= []).Add(new FilterViolation(
                FilterViolationKind.NotionalBelowMinimum,
                notional,
                MinNotional,
                $"{Symbol}: notional {notional} ({quantity} × {price}) is below min notional {MinNotional}"));
        }
    }
}
