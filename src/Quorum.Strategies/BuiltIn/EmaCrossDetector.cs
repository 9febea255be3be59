using Quorum.Indicators.Averages;

namespace Quorum.Strategies.BuiltIn;

/// <summary>
/// The EMA-cross rule shared by <c>ema_cross</c> and <c>ema_rsi_cross</c>, one state per subscription slot: a cross is a
/// change of the sign of fast − slow between two closed bars once the slow EMA is ready; equal EMAs keep the previous
/// sign, and the sign seen on the first ready bar is only a starting point (no cross). No allocation per update.
/// </summary>
internal sealed class EmaCrossDetector
{
    private readonly Ema[] _fast;
    private readonly Ema[] _slow;
    private readonly int[] _sign;

    public EmaCrossDetector(int slots, int fastPeriod, int slowPeriod, string strategy)
    {
        if (fastPeriod >= slowPeriod)
        {
            throw new ArgumentException($"strategy {strategy}: fast = {fastPeriod} must be below slow = {slowPeriod}");
        }

        _fast = [.. Enumerable.Range(0, slots).Select(_ => new Ema(fastPeriod))];
        _slow = [.. Enumerable.Range(0, slots).Select(_ => new Ema(slowPeriod))];
        _sign = new int[slots];
    }

    /// <summary>Feeds the close of slot <paramref name="slot"/>: +1 when fast crossed above slow, −1 when below, 0 otherwise.</summary>
    public int Update(int slot, double close)
    {
        var fast = _fast[slot];
        var slow = _slow[slot];
        fast.Update(close);
        slow.Update(close);
        if (!slow.IsReady)
        {
            return 0;
        }

        var difference = fast.Value - slow.Value;
        var sign = difference > 0 ? 1 : difference < 0 ? -1 : 0;
        if (sign == 0)
        {
            return 0;
        }

        var previous = _sign[slot];
        _sign[slot] = sign;
        return previous == -sign ? sign : 0;
    }

    public void Reset()
    {
        foreach (var ema in _fast)
        {
            ema.Reset();
        }

        foreach (var ema in _slow)
        {
            ema.Reset();
        }

        Array.Clear(_sign);
    }
}
