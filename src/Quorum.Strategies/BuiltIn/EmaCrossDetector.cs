using Quorum.Indicators.Averages;

namespace Quorum.Strategies.BuiltIn;

/// <summary>
/// The EMA-cross rule shared by <c>ema_cross</c> and <c>ema_rsi_cross</c>, one state per subscription slot: a cross is a
/// change of the sign of fast − slow between two closed bars once the slow EMA is ready; equal EMAs keep the previous
/// sign, and the sign seen on the first ready bar is only a starting point (no cross). No allocation per update.
/// </summary>
internal sealed class EmaCrossDetector
{
    // One struct per slot (both EMA kernels and the last sign side by side): a bar reads one contiguous block of its
    // slot, where objects per EMA cost two dependent loads each (array element, then the object) on separate lines.
    private readonly Slot[] _slots;
    private readonly int _fastPeriod;
    private readonly int _slowPeriod;

    public EmaCrossDetector(int slots, int fastPeriod, int slowPeriod, string strategy)
    {
        if (fastPeriod >= slowPeriod)
        {
            throw new ArgumentException($"strategy {strategy}: fast = {fastPeriod} must be below slow = {slowPeriod}");
        }

        _fastPeriod = fastPeriod;
        _slowPeriod = slowPeriod;
        _slots = new Slot[slots];
        Reset();
    }

    /// <summary>Feeds the close of slot <paramref name="slot"/>: +1 when fast crossed above slow, −1 when below, 0 otherwise.</summary>
    public int Update(int slot, double close)
    {
        ref var state = ref _slots[slot];
        state.Fast.Update(close);
        state.Slow.Update(close);
        if (!state.Slow.IsReady)
        {
            return 0;
        }

        var difference = state.Fast.Value - state.Slow.Value;
        var sign = difference > 0 ? 1 : difference < 0 ? -1 : 0;
        if (sign == 0)
        {
            return 0;
        }

        var previous = state.Sign;
        state.Sign = sign;
        return previous == -sign ? sign : 0;
    }

    public void Reset()
    {
        for (var i = 0; i < _slots.Length; i++)
        {
            _slots[i] = new Slot { Fast = ExponentialKernel.Ema(_fastPeriod), Slow = ExponentialKernel.Ema(_slowPeriod) };
        }
    }

    private struct Slot
    {
        public ExponentialKernel Fast;
        public ExponentialKernel Slow;
        public int Sign;
    }
}
