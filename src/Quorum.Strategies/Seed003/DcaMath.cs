namespace Quorum.Strategies.Seed003;

/// <summary>The step arithmetic of the seed-003 DCA engine (<c>check_dca_trigger</c>, <c>execute_dca_step</c>, <c>update_price</c>).</summary>
public static class DcaMath
{
    /// <summary>The price at which the next step triggers: <paramref name="reference"/> × (1 − <paramref name="triggerPercent"/> / 100).</summary>
    public static decimal TriggerPrice(decimal reference, decimal triggerPercent) => reference * (1m - (triggerPercent / 100m));

    /// <summary>The take-profit price of the cycle: <paramref name="averageEntry"/> × (1 + <paramref name="takeProfitPercent"/> / 100).</summary>
    public static decimal TakeProfitPrice(decimal averageEntry, decimal takeProfitPercent) => averageEntry * (1m + (takeProfitPercent / 100m));

    /// <summary>The cycle's stop: <paramref name="firstStepPrice"/> × (1 − <paramref name="stopPercent"/> / 100), the same for every step.</summary>
    public static decimal StopPrice(decimal firstStepPrice, decimal stopPercent) => firstStepPrice * (1m - (stopPercent / 100m));

    /// <summary>Quantity-weighted average entry of the steps (Σ qty × price / Σ qty); 0 for no quantity.</summary>
    public static decimal AverageEntry(ReadOnlySpan<decimal> quantities, ReadOnlySpan<decimal> prices)
    {
        if (quantities.Length != prices.Length)
        {
            throw new ArgumentException($"DCA average: {quantities.Length} quantities for {prices.Length} prices", nameof(prices));
        }

        var cost = 0m;
        var quantity = 0m;
        for (var i = 0; i < quantities.Length; i++)
        {
            cost += quantities[i] * prices[i];
            quantity += quantities[i];
        }

        return quantity > 0m ? cost / quantity : 0m;
    }

    /// <summary>
    /// The average entry when every step buys the same quote amount (the seed's <c>amount_per_step</c>): the harmonic mean
    /// n / Σ (1 / price). Used to place a step's own take-profit before the step's real quantity is known.
    /// </summary>
    public static decimal EqualAmountAverage(ReadOnlySpan<decimal> prices)
    {
        var inverse = 0m;
        foreach (var price in prices)
        {
            if (price <= 0m)
            {
                throw new ArgumentOutOfRangeException(nameof(prices), price, $"DCA step price {price} must be positive");
            }

            inverse += 1m / price;
        }

        return prices.Length == 0 ? 0m : prices.Length / inverse;
    }

    /// <summary>
    /// Whether <paramref name="maxSteps"/> steps <paramref name="triggerPercent"/> % apart all stay above a stop
    /// <paramref name="stopPercent"/> % below the first: (1 − t)^(steps − 1) &gt; 1 − s.
    /// </summary>
    public static bool StepsFitAboveStop(int maxSteps, decimal triggerPercent, decimal stopPercent)
    {
        var deepest = 1m;
        for (var i = 1; i < maxSteps; i++)
        {
            deepest *= 1m - (triggerPercent / 100m);
        }

        return deepest > 1m - (stopPercent / 100m);
    }
}
