namespace Quorum.Indicators.PriceAction;

/// <summary>
/// Swing highs and lows (pivots) with <see cref="LeftBars"/> bars on the left and <see cref="RightBars"/>
/// on the right. A swing high at bar p has a high strictly above the highs of the left bars and at or
/// above the highs of the right bars (so a flat top is one swing, at its first bar); swing lows mirror
/// this. A pivot is reported only once its right bars have closed, on bar p + <see cref="RightBars"/>
/// (<see cref="SwingPoint.ConfirmedAtIndex"/>): nothing depends on a later bar. The first possible
/// pivot is bar <see cref="LeftBars"/>. One bar can be both a swing high and a swing low.
/// O(left + right) per update, no allocation.
/// </summary>
public sealed class SwingDetector : IPriceActionDetector
{
    private readonly BarSequence _bars;
    private readonly Ring<double> _highs;
    private readonly Ring<double> _lows;
    private readonly Ring<long> _times;

    /// <param name="leftBars">Bars before the pivot that it must exceed (≥ 1).</param>
    /// <param name="rightBars">Bars after the pivot that must close before it is confirmed (≥ 0).</param>
    public SwingDetector(int leftBars = 5, int rightBars = 5)
    {
        LeftBars = IndicatorGuard.Period(leftBars, "swings", nameof(leftBars), 1);
        RightBars = IndicatorGuard.Period(rightBars, "swings", nameof(rightBars), 0);
        Name = $"swings_{leftBars}_{rightBars}";
        _bars = new BarSequence(Name);
        var window = leftBars + rightBars + 1;
        _highs = new Ring<double>(window);
        _lows = new Ring<double>(window);
        _times = new Ring<long>(window);
    }

    public string Name { get; }

    public int LeftBars { get; }

    public int RightBars { get; }

    public long Samples => _bars.Samples;

    /// <summary>The swing high confirmed by the last bar, if any.</summary>
    public SwingPoint? NewHigh { get; private set; }

    /// <summary>The swing low confirmed by the last bar, if any.</summary>
    public SwingPoint? NewLow { get; private set; }

    /// <summary>The most recently confirmed swing high.</summary>
    public SwingPoint? LastHigh { get; private set; }

    /// <summary>The most recently confirmed swing low.</summary>
    public SwingPoint? LastLow { get; private set; }

    public void Update(in OhlcvPoint bar) => Advance(bar, _bars.Accept(bar));

    public void Reset()
    {
        _bars.Reset();
        _highs.Clear();
        _lows.Clear();
        _times.Clear();
        NewHigh = NewLow = LastHigh = LastLow = null;
    }

    /// <summary>Consumes an already validated bar with index <paramref name="index"/> (for detectors built on swings).</summary>
    internal void Advance(in OhlcvPoint bar, long index)
    {
        _highs.Add(bar.High);
        _lows.Add(bar.Low);
        _times.Add(bar.TimeMs);
        NewHigh = null;
        NewLow = null;
        if (!_highs.IsFull)
        {
            return;
        }

        if (Pivots.IsHigh(_highs, LeftBars, RightBars))
        {
            NewHigh = LastHigh = new SwingPoint(index - RightBars, _times.Ago(RightBars), _highs.Ago(RightBars), SwingKind.High, index, bar.TimeMs);
        }

        if (Pivots.IsLow(_lows, LeftBars, RightBars))
        {
            NewLow = LastLow = new SwingPoint(index - RightBars, _times.Ago(RightBars), _lows.Ago(RightBars), SwingKind.Low, index, bar.TimeMs);
        }
    }

    public override string ToString() => $"{Name} ({Samples} bars; last high {LastHigh?.Price}, last low {LastLow?.Price})";
}
