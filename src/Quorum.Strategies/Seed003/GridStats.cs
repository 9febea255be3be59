namespace Quorum.Strategies.Seed003;

/// <summary>
/// The state and statistics of a grid on one symbol (seed 003 GridEngine STATE: levels, active orders, total profit,
/// buy and sell counts). <see cref="IsInitialized"/> is false before the grid has seen its first ready bar.
/// </summary>
public sealed record GridStats(
    bool IsInitialized,
    bool IsStopped,
    GridMode Mode,
    decimal Lower,
    decimal Upper,
    decimal Stop,
    int BuyFills,
    int SellFills,
    int RoundTrips,
    decimal RealizedProfit,
    IReadOnlyList<GridLevelStats> Levels);
