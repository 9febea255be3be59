namespace Quorum.Configuration;

/// <summary>
/// <c>governance.yaml: quorum_additions.position_management</c> — seed 001: close 25 % at 1R and 25 % at
/// 2R, trail the remaining 50 % at 1.8×ATR; the stop never widens and moves to breakeven at +0.6R.
/// </summary>
/// <param name="BreakevenAtR"><c>breakeven_at_r</c>: profit in R at which the stop moves to the entry price.</param>
/// <param name="PartialTakeProfits"><c>partial_take_profits</c>: ordered by <see cref="PartialTakeProfit.AtR"/>.</param>
/// <param name="RunnerTrailAtrMultiple"><c>runner_trail_atr_multiple</c>: trailing-stop distance of the rest, in ATRs.</param>
public sealed record PositionManagement(
    decimal BreakevenAtR,
    IReadOnlyList<PartialTakeProfit> PartialTakeProfits,
    decimal RunnerTrailAtrMultiple)
{
    /// <summary>Share of the position left to the trailing stop after every partial take-profit.</summary>
    public decimal RunnerFraction => 1m - PartialTakeProfits.Sum(p => p.Fraction);
}
