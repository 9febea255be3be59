namespace Quorum.Indicators.PriceAction;

/// <summary>
/// Pin bars, one bar at a time. With nose = the longer-side wick, body = |close − open| and opposite = the
/// other wick, a bar is a pin bar when its range is positive, nose &gt; 0, nose ≥ <see cref="PinBarOptions.MinNoseToBody"/> × body
/// and opposite ≤ <see cref="PinBarOptions.MaxOppositeWickToNose"/> × nose (both bounds inclusive). The body's colour does not
/// matter. A long lower wick is bullish, a long upper wick bearish.
/// <para>
/// Not TA-Lib's CDLHAMMER / CDLSHOOTINGSTAR / CDLHANGINGMAN / CDLINVERTEDHAMMER: those judge "small body", "long shadow" and
/// "very short shadow" against rolling averages of the previous 10 (5 for long shadows) candles and add trend context
/// (the body's position relative to the previous candle); this detector uses only the bar's own proportions.
/// </para>
/// </summary>
public sealed class PinBarDetector : IPriceActionDetector
{
    private readonly BarSequence _bars;
    private readonly PinBarOptions _options;

    public PinBarDetector(PinBarOptions? options = null)
    {
        _options = (options ?? new PinBarOptions()).Validate();
        _bars = new BarSequence(Name);
    }

    public string Name => "pin_bar";

    public PinBarOptions Options => _options;

    public long Samples => _bars.Samples;

    /// <summary>The pin bar formed by the last bar, if it is one.</summary>
    public PinBar? Detected { get; private set; }

    public void Update(in OhlcvPoint bar)
    {
        var index = _bars.Accept(bar);
        Detected = Match(bar, _options) is { } bias ? Create(bar, index, bias) : null;
    }

    public void Reset()
    {
        _bars.Reset();
        Detected = null;
    }

    /// <summary>Whether <paramref name="bar"/> alone is a pin bar under <paramref name="options"/>, and its bias; pure, for batch use.</summary>
    public static Bias? Match(in OhlcvPoint bar, PinBarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!(bar.High > bar.Low))
        {
            return null;
        }

        var body = Math.Abs(bar.Close - bar.Open);
        var upper = bar.High - Math.Max(bar.Open, bar.Close);
        var lower = Math.Min(bar.Open, bar.Close) - bar.Low;
        if (lower > 0 && lower >= options.MinNoseToBody * body && upper <= options.MaxOppositeWickToNose * lower)
        {
            return Bias.Bullish;
        }

        if (upper > 0 && upper >= options.MinNoseToBody * body && lower <= options.MaxOppositeWickToNose * upper)
        {
            return Bias.Bearish;
        }

        return null;
    }

    private static PinBar Create(in OhlcvPoint bar, long index, Bias bias)
    {
        var body = Math.Abs(bar.Close - bar.Open);
        var upper = bar.High - Math.Max(bar.Open, bar.Close);
        var lower = Math.Min(bar.Open, bar.Close) - bar.Low;
        return bias == Bias.Bullish
            ? new PinBar(index, bar.TimeMs, bias, bar.High, bar.Low, lower, body, upper)
            : new PinBar(index, bar.TimeMs, bias, bar.High, bar.Low, upper, body, lower);
    }
}
