namespace Quorum.Core.Instruments;

/// <summary>
/// The trading rules a venue publishes for one instrument: price tick, quantity step, minimum
/// quantity and minimum notional, and the precisions prices and quantities are written with.
/// Binance BTCUSDT spot, for instance: tick 0.01, step 0.00001, min quantity 0.00001, min notional 5.
/// </summary>
/// <remarks>
/// A precision left out is derived from the tick/step (0.01 → 2, 0.5 → 1, 10 → 0). A precision
/// given explicitly must be at least the tick's/step's own decimal places, otherwise the grid
/// could not be written (Binance USDT-M BTCUSDT: tick 0.10, price precision 2 is fine).
/// </remarks>
public sealed record InstrumentFilters
{
    /// <summary>Largest precision a decimal can carry.</summary>
    public const int MaxPrecision = 28;

    public InstrumentFilters(
        decimal tickSize,
        decimal stepSize,
        decimal minQuantity = 0m,
        decimal minNotional = 0m,
        int? pricePrecision = null,
        int? quantityPrecision = null)
    {
        TickSize = Guard.Positive(tickSize, "tick size");
        StepSize = Guard.Positive(stepSize, "step size");
        MinQuantity = Guard.NonNegative(minQuantity, "min quantity");
        MinNotional = Guard.NonNegative(minNotional, "min notional");
        PricePrecision = CheckPrecision(pricePrecision, tickSize, nameof(pricePrecision), "tick size");
        QuantityPrecision = CheckPrecision(quantityPrecision, stepSize, nameof(quantityPrecision), "step size");
    }

    /// <summary>Smallest price increment; every order price is a whole multiple of it.</summary>
    public decimal TickSize { get; }

    /// <summary>Smallest quantity increment (base asset, or contracts); every order quantity is a whole multiple of it.</summary>
    public decimal StepSize { get; }

    /// <summary>Smallest order quantity the venue accepts (0 when the venue has none).</summary>
    public decimal MinQuantity { get; }

    /// <summary>Smallest price × quantity (quote asset) the venue accepts (0 when the venue has none).</summary>
    public decimal MinNotional { get; }

    /// <summary>Decimal places prices are written with.</summary>
    public int PricePrecision { get; }

    /// <summary>Decimal places quantities are written with.</summary>
    public int QuantityPrecision { get; }

    private static int CheckPrecision(int? precision, decimal increment, string parameterName, string incrementName)
    {
        var places = DecimalMath.DecimalPlaces(increment);
        if (precision is null)
        {
            return places;
        }

        if (precision < places || precision > MaxPrecision)
        {
            throw new ArgumentOutOfRangeException(
                parameterName,
                precision,
                $"{parameterName} {precision} cannot write {incrementName} {increment} (allowed: {places} ≤ precision ≤ {MaxPrecision})");
        }

        return precision.Value;
    }
}
