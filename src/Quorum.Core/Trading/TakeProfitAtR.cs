namespace Quorum.Core.Trading;

/// <summary>
/// A take-profit level of an <see cref="ExitSpec"/> written in R (multiples of the entry-to-stop
/// distance): close <see cref="Fraction"/> of the original position when price is <see cref="AtR"/> R in favour.
/// </summary>
public sealed record TakeProfitAtR
{
    public TakeProfitAtR(decimal atR, decimal fraction)
    {
        if (atR is <= 0m or > Plan.MaxRiskR * 10m)
        {
            throw new ArgumentOutOfRangeException(nameof(atR), atR, $"take-profit at {atR}R is out of range (0 < R ≤ {Plan.MaxRiskR * 10m})");
        }

        if (fraction is <= 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, $"take-profit fraction {fraction} is out of range (0 < fraction ≤ 1)");
        }

        AtR = atR;
        Fraction = fraction;
    }

    /// <summary>Distance from the entry in R, &gt; 0.</summary>
    public decimal AtR { get; }

    /// <summary>Share of the original position closed at this level, in (0, 1].</summary>
    public decimal Fraction { get; }

    public override string ToString() => $"{Fraction:0.###}@{AtR}R";
}
