namespace Quorum.Indicators.PriceAction;

/// <summary>
/// Break of structure: a bar whose close is strictly above the last confirmed swing high (bullish) or strictly below the
/// last confirmed swing low (bearish), with swings by the <see cref="SwingDetector"/> rule. Only the most recent swing of
/// each kind is a reference, and each is broken at most once: after a break, the next break of that side needs a newly
/// confirmed swing. A wick beyond without a close beyond is no break (see <see cref="LiquiditySweepDetector"/>).
/// A break against the previous break's direction is flagged as a change of character. The swing must be confirmed
/// before the breaking bar (the bars up to its confirmation cannot exceed it anyway). O(left + right) per update.
/// </summary>
public sealed class StructureBreakDetector : IPriceActionDetector
{
    private readonly BarSequence _bars;
    private readonly SwingDetector _swings;
    private readonly List<StructureBreak> _detected = new(2);
    private SwingPoint? _high;
    private SwingPoint? _low;

    /// <param name="leftBars">Left bars of the swings (≥ 1).</param>
    /// <param name="rightBars">Right bars of the swings (≥ 0).</param>
    public StructureBreakDetector(int leftBars = 5, int rightBars = 5)
    {
        IndicatorGuard.Period(leftBars, "bos", nameof(leftBars), 1);
        IndicatorGuard.Period(rightBars, "bos", nameof(rightBars), 0);
        Name = $"bos_{leftBars}_{rightBars}";
        _bars = new BarSequence(Name);
        _swings = new SwingDetector(leftBars, rightBars);
    }

    public string Name { get; }

    public int LeftBars => _swings.LeftBars;

    public int RightBars => _swings.RightBars;

    public long Samples => _bars.Samples;

    /// <summary>Breaks by the last bar (bullish first; both only in the rare case of a swing low above the swing high); a view valid until the next update.</summary>
    public IReadOnlyList<StructureBreak> Detected => _detected;

    /// <summary>The swing high a close above would break (null once broken, until a new one is confirmed).</summary>
    public SwingPoint? ReferenceHigh => _high;

    /// <summary>The swing low a close below would break (null once broken, until a new one is confirmed).</summary>
    public SwingPoint? ReferenceLow => _low;

    /// <summary>Bias of the most recent break: the structure's current direction; null before the first break.</summary>
    public Bias? Trend { get; private set; }

    public void Update(in OhlcvPoint bar)
    {
        var index = _bars.Accept(bar);
        _detected.Clear();
        if (_high is { } high && bar.Close > high.Price)
        {
            Break(Bias.Bullish, bar, index, high);
            _high = null;
        }

        if (_low is { } low && bar.Close < low.Price)
        {
            Break(Bias.Bearish, bar, index, low);
            _low = null;
        }

        _swings.Advance(bar, index);
        if (_swings.NewHigh is { } newHigh)
        {
            _high = newHigh;
        }

        if (_swings.NewLow is { } newLow)
        {
            _low = newLow;
        }
    }

    public void Reset()
    {
        _bars.Reset();
        _swings.Reset();
        _detected.Clear();
        _high = _low = null;
        Trend = null;
    }

    public override string ToString() => $"{Name} ({Samples} bars, trend {Trend?.ToString() ?? "none"})";

    private void Break(Bias bias, in OhlcvPoint bar, long index, in SwingPoint swing)
    {
        _detected.Add(new StructureBreak(bias, index, bar.TimeMs, bar.Close, swing, IsChangeOfCharacter: Trend is { } trend && trend != bias));
        Trend = bias;
    }
}
