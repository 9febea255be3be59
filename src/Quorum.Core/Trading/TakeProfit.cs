namespace Quorum.Core.Trading;

/// <summary>A take-profit level of a <see cref="Plan"/>: close <see cref="Fraction"/> of the position at <see cref="Price"/> (seed: takes at 1R/2R).</summary>
public sealed record TakeProfit
{
    public TakeProfit(decimal price, decimal fraction)
    {
        Price = Guard.Positive(price, "take-profit price");
        if (fraction is <= 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(
                nameof(fraction), fraction, $"take-profit fraction {fraction} is out of range (0 < fraction ≤ 1)");
        }

        Fraction = fraction;
    }

    public decimal Price { get; }

    /// <summary>Share of the plan's quantity closed at this level, in (0, 1].</summary>
    public decimal Fraction { get; }
}
