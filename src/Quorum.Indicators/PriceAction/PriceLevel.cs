namespace Quorum.Indicators.PriceAction;

/// <summary>
/// A support/resistance level: a cluster of confirmed pivots whose prices lie within the tolerance of
/// each other. <paramref name="Price"/> is the mean of the clustered pivot prices; strength is
/// <see cref="Touches"/> (pivot highs touching it from below count as resistance touches, pivot lows as
/// support touches; a level touched from both sides has flipped roles).
/// </summary>
/// <param name="Id">Stable identity (a merged level keeps the older id).</param>
/// <param name="Price">Mean price of the pivots in the cluster.</param>
/// <param name="HighTouches">Pivot highs in the cluster.</param>
/// <param name="LowTouches">Pivot lows in the cluster.</param>
/// <param name="FirstIndex">Bar index of the earliest pivot.</param>
/// <param name="LastTouchIndex">Bar index of the latest pivot.</param>
/// <param name="LastTouchTimeMs">Open time of that bar.</param>
public readonly record struct PriceLevel(long Id, double Price, int HighTouches, int LowTouches, long FirstIndex, long LastTouchIndex, long LastTouchTimeMs)
{
    /// <summary>Pivots in the cluster (the level's strength).</summary>
    public int Touches => HighTouches + LowTouches;
}
