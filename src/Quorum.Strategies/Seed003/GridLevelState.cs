namespace Quorum.Strategies.Seed003;

/// <summary>Where a grid level stands.</summary>
public enum GridLevelState
{
    /// <summary>No order: armed on the next bar that closes above the level (unless the grid is stopped).</summary>
    Idle,

    /// <summary>A limit buy was asked for and has not filled yet.</summary>
    Pending,

    /// <summary>The buy filled; its take-profit at the next level is working.</summary>
    Open,

    /// <summary>The top level: it is only ever a take-profit (a sell), never a buy.</summary>
    SellOnly,
}
