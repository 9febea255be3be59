namespace Quorum.Strategies.Scoring;

/// <summary>Direction of a higher timeframe's trend (<see cref="HigherTimeframeTrend"/>).</summary>
public enum TrendDirection
{
    Down = -1,
    Flat = 0,
    Up = 1,
}
