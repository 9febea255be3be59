using System.Runtime.CompilerServices;

namespace Quorum.Indicators.Statistics;

/// <summary>
/// The two ways to add a value to an <see cref="IBlockAggregate"/>, shared by the aggregates' <c>Add</c> and
/// <c>AddInline</c>: with the block recomputation (every <c>period</c> adds) as a call, which keeps a class's update
/// small, or inlined, for the value-type kernels: a call would take the aggregate's address, or force the caller's
/// registers to be saved around it, and keep a kernel held in a local out of registers. (Inlined into a class's update
/// instead, the loop made the stochastic's update about twice as slow.)
/// </summary>
internal static class BlockUpdate
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add<TAggregate>(ref TAggregate aggregate, double value)
        where TAggregate : struct, IBlockAggregate
    {
        if (aggregate.Push(value))
        {
            Flip(ref aggregate);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddInline<TAggregate>(ref TAggregate aggregate, double value)
        where TAggregate : struct, IBlockAggregate
    {
        if (aggregate.Push(value))
        {
            aggregate.Flip();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Flip<TAggregate>(ref TAggregate aggregate)
        where TAggregate : struct, IBlockAggregate => aggregate.Flip();
}
