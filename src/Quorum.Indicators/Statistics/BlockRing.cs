using System.Runtime.CompilerServices;

namespace Quorum.Indicators.Statistics;

/// <summary>
/// The bookkeeping shared by the block-recomputed window aggregates (<see cref="SlidingWindow{TFold}"/>,
/// <see cref="ShiftedBlocks{TTerm}"/>): the ring of the last <c>period</c> values, how many it holds while it
/// fills, and where the block of <c>period</c> values completes (then the aggregate recomputes its older block's
/// suffixes from <see cref="Values"/>). Inlined, so a kernel holding an aggregate in a local keeps it in registers.
/// </summary>
internal struct BlockRing
{
    private readonly double[] _values;
    private int _next;
    private int _count;

    public BlockRing(int period) => _values = new double[period];

    /// <summary>The ring, slot 0 … period − 1; right after a block completes, exactly that block, oldest first.</summary>
    public readonly double[] Values => _values;

    public readonly int Period => _values.Length;

    /// <summary>Values in the window (period once full).</summary>
    public readonly int Count => _count;

    public readonly bool IsFull => _count == _values.Length;

    /// <summary>Stores <paramref name="value"/> at the next slot and counts it; returns that slot (pass it to <see cref="Advance"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Store(double value)
    {
        var values = _values;
        var slot = _next;
        values[slot] = value;
        if (_count < values.Length)
        {
            _count++;
        }

        return slot;
    }

    /// <summary>Moves past <paramref name="slot"/>; true when it was the block's last (then the aggregate recomputes its block).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Advance(int slot)
    {
        var completed = ++slot == _values.Length;
        _next = completed ? 0 : slot;
        return completed;
    }

    public void Reset()
    {
        Array.Clear(_values);
        _next = 0;
        _count = 0;
    }
}
