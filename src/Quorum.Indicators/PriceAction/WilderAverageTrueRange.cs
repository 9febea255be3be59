namespace Quorum.Indicators.PriceAction;

/// <summary>
/// Wilder's average true range for tolerances inside the detectors (the first true range is high − low,
/// the first value the simple mean of <c>period</c> true ranges, then Wilder smoothing). Kept here so the
/// detectors do not depend on the volatility family; bars arrive already validated.
/// </summary>
internal sealed class WilderAverageTrueRange(int period)
{
    private double _previousClose;
    private double _sum;

    public long Samples { get; private set; }

    /// <summary>The ATR after the last bar; 0 until <c>period</c> bars have been seen.</summary>
    public double Value { get; private set; }

    public void Update(in OhlcvPoint bar)
    {
        var range = Samples == 0
            ? bar.High - bar.Low
            : Math.Max(bar.High, _previousClose) - Math.Min(bar.Low, _previousClose);
        _previousClose = bar.Close;
        Samples++;
        if (Samples < period)
        {
            _sum += range;
        }
        else if (Samples == period)
        {
            Value = (_sum + range) / period;
        }
        else
        {
            Value += (range - Value) / period;
        }
    }

    public void Reset()
    {
        Samples = 0;
        Value = 0;
        _sum = 0;
        _previousClose = 0;
    }
}
