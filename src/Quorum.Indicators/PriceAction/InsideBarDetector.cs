namespace Quorum.Indicators.PriceAction;

/// <summary>
/// Inside bars: high &lt; previous high and low &gt; previous low (with <see cref="Inclusive"/>: ≤ and ≥). The mother bar is always
/// the immediately preceding bar, so in a run of inside bars each refers to its predecessor.
/// <para>
/// Not TA-Lib's CDLHARAMI: harami compares real bodies (not high/low ranges), needs opposite-ish body sizes judged
/// against rolling averages (a long first body, a short second body over the previous 10 candles) and ignores shadows;
/// an inside bar compares only the two bars' full ranges.
/// </para>
/// </summary>
public sealed class InsideBarDetector : IPriceActionDetector
{
    private readonly BarSequence _bars;
    private double _previousHigh;
    private double _previousLow;

    /// <param name="inclusive">Also accept a high equal to the mother's high or a low equal to its low.</param>
    public InsideBarDetector(bool inclusive = false)
    {
        Inclusive = inclusive;
        _bars = new BarSequence(Name);
    }

    public string Name => "inside_bar";

    public bool Inclusive { get; }

    public long Samples => _bars.Samples;

    /// <summary>The inside bar formed by the last bar, if it is one.</summary>
    public InsideBar? Detected { get; private set; }

    public void Update(in OhlcvPoint bar)
    {
        var index = _bars.Accept(bar);
        var inside = index > 0 && (Inclusive
            ? bar.High <= _previousHigh && bar.Low >= _previousLow
            : bar.High < _previousHigh && bar.Low > _previousLow);
        Detected = inside ? new InsideBar(index, bar.TimeMs, index - 1, _previousHigh, _previousLow) : null;
        _previousHigh = bar.High;
        _previousLow = bar.Low;
    }

    public void Reset()
    {
        _bars.Reset();
        Detected = null;
        _previousHigh = _previousLow = 0;
    }
}
