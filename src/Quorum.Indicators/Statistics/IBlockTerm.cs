namespace Quorum.Indicators.Statistics;

/// <summary>
/// The second running term of a <see cref="BlockSums"/> recomputation, next to the deviations themselves: a struct
/// type argument, so each aggregate's loop is specialised for it (no call per value).
/// </summary>
internal interface IBlockTerm
{
    /// <summary>The term of the value at ring slot <paramref name="slot"/> whose deviation from the block's mean is <paramref name="deviation"/>.</summary>
    static abstract double Of(int slot, double deviation);
}
