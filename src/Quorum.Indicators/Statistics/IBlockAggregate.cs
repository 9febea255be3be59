namespace Quorum.Indicators.Statistics;

/// <summary>
/// A window aggregate recomputed block by block (<see cref="SlidingWindow{TFold}"/>, <see cref="WindowMoments"/>):
/// how <see cref="BlockUpdate"/> adds a value to it. Implemented explicitly and called through a struct type
/// argument, so each call is direct and inlined.
/// </summary>
internal interface IBlockAggregate
{
    /// <summary>Stores the value and updates the aggregate; true when a block has just completed (then <see cref="Flip"/>).</summary>
    bool Push(double value);

    /// <summary>Recomputes the completed block's suffixes.</summary>
    void Flip();
}
