namespace Quorum.Configuration;

/// <summary>One partial take-profit: close <paramref name="Fraction"/> of the position when it reaches <paramref name="AtR"/>.</summary>
/// <param name="AtR"><c>at_r</c>: profit in R at which this part is closed.</param>
/// <param name="Fraction"><c>fraction</c>: share of the original position closed (0.25 = 25 %).</param>
public sealed record PartialTakeProfit(decimal AtR, decimal Fraction);
