namespace Quorum.Risk.Portfolio;

/// <summary>Seed 003 per-bot limits of the <see cref="RiskManager"/> (quote-asset money and percent).</summary>
/// <param name="MinOrderSize">Smallest order value.</param>
/// <param name="MaxPositionSize">Largest position value (position + new order).</param>
/// <param name="MaxDailyLoss">Largest loss of one UTC day (money) before the bot halts.</param>
/// <param name="StopLossPercent">Balance below initial × (1 − this %) halts the bot (portfolio stop-loss).</param>
public sealed record RiskManagerLimits(decimal MinOrderSize, decimal MaxPositionSize, decimal MaxDailyLoss, decimal StopLossPercent)
{
    internal void Validate()
    {
        if (MinOrderSize < 0m || MaxPositionSize <= 0m || MinOrderSize > MaxPositionSize)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxPositionSize), MaxPositionSize, $"bot risk limits: min order size {MinOrderSize} and max position size {MaxPositionSize} must satisfy 0 ≤ min ≤ max, max > 0");
        }

        if (MaxDailyLoss <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDailyLoss), MaxDailyLoss, $"bot risk limit max daily loss {MaxDailyLoss} must be positive");
        }

        if (StopLossPercent is <= 0m or > 100m)
        {
            throw new ArgumentOutOfRangeException(nameof(StopLossPercent), StopLossPercent, $"bot risk limit stop-loss {StopLossPercent}% is out of range (0 < x ≤ 100)");
        }
    }
}
