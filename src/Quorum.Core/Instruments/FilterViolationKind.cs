namespace Quorum.Core.Instruments;

/// <summary>Which exchange filter an order breaks (Binance <c>PRICE_FILTER</c>, <c>LOT_SIZE</c>, <c>MIN_NOTIONAL</c>; Bybit <c>priceFilter</c>, <c>lotSizeFilter</c>).</summary>
public enum FilterViolationKind
{
    /// <summary>The limit price is not a whole multiple of the tick size.</summary>
    PriceNotMultipleOfTick,

    /// <summary>The stop (trigger) price is not a whole multiple of the tick size.</summary>
    StopPriceNotMultipleOfTick,

    /// <summary>The quantity is not a whole multiple of the step size.</summary>
    QuantityNotMultipleOfStep,

    /// <summary>The quantity is below the minimum quantity.</summary>
    QuantityBelowMinimum,

    /// <summary>The quantity is above the maximum quantity.</summary>
    QuantityAboveMaximum,

    /// <summary>Price × quantity is below the minimum notional.</summary>
    NotionalBelowMinimum,
}
