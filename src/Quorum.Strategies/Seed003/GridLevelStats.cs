namespace Quorum.Strategies.Seed003;

/// <summary>What one grid level has done: buy fills, completed round trips (buy filled, take-profit at the next level filled) and realized profit after fees.</summary>
public sealed record GridLevelStats(int Level, decimal Price, decimal ProfitPercent, int Fills, int RoundTrips, decimal RealizedProfit, GridLevelState State);
