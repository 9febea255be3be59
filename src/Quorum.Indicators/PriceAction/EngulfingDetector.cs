namespace Quorum.Indicators.PriceAction;

/// <summary>
/// Bullish and bearish engulfing, TA-Lib's CDLENGULFING definition: the second bar's real body engulfs the first bar's
/// real body and the colours are opposite, a bar being white (bullish) when close ≥ open (TA-Lib's TA_CANDLECOLOR, so a
/// doji counts as white: a black bar can engulf a preceding doji, a doji never engulfs). Shadows are ignored.
/// <list type="bullet">
/// <item>Bullish: first black, second white, second close &gt; first open and second open &lt; first close.</item>
/// <item>Bearish: first white, second black, second open &gt; first close and second close &lt; first open.</item>
/// <item>Equal edges: by default both inequalities are strict (TA-Lib 0.4 and LEAN). With <see cref="AllowEqualEdge"/>
/// one of the two edges may be equal when the other is strict (TA-Lib 0.6, which scores that ±80); both equal never counts.</item>
/// </list>
/// TA-Lib reports nothing for the first two bars (lookback 2); this detector can report from the second bar on.
/// </summary>
public sealed class EngulfingDetector : IPriceActionDetector
{
    private readonly BarSequence _bars;
    private double _previousOpen;
    private double _previousClose;

    /// <param name="allowEqualEdge">Also report bodies that share one edge (TA-Lib 0.6's ±80); false = strict (TA-Lib 0.4).</param>
    public EngulfingDetector(bool allowEqualEdge = false)
    {
        AllowEqualEdge = allowEqualEdge;
        _bars = new BarSequence(Name);
    }

    public string Name => "engulfing";

    public bool AllowEqualEdge { get; }

    public long Samples => _bars.Samples;

    /// <summary>The engulfing pattern completed by the last bar, if any.</summary>
    public Engulfing? Detected { get; private set; }

    public void Update(in OhlcvPoint bar)
    {
        var index = _bars.Accept(bar);
        Detected = index > 0 && Match(_previousOpen, _previousClose, bar.Open, bar.Close, AllowEqualEdge, out var equalEdge) is { } bias
            ? new Engulfing(index, bar.TimeMs, bias, equalEdge)
            : null;
        _previousOpen = bar.Open;
        _previousClose = bar.Close;
    }

    public void Reset()
    {
        _bars.Reset();
        Detected = null;
        _previousOpen = _previousClose = 0;
    }

    /// <summary>Whether the second body engulfs the first (see the class rules); pure, for batch use.</summary>
    public static Bias? Match(double firstOpen, double firstClose, double secondOpen, double secondClose, bool allowEqualEdge, out bool equalEdge)
    {
        var firstWhite = firstClose >= firstOpen;
        var secondWhite = secondClose >= secondOpen;
        equalEdge = false;
        if (firstWhite == secondWhite)
        {
            return null;
        }

        // The engulfing body [low, high] against the engulfed one: high beyond and low beyond.
        var (outerHigh, outerLow) = secondWhite ? (secondClose, secondOpen) : (secondOpen, secondClose);
        var (innerHigh, innerLow) = firstWhite ? (firstClose, firstOpen) : (firstOpen, firstClose);
        var strictHigh = outerHigh > innerHigh;
        var strictLow = outerLow < innerLow;
        bool matched;
        if (strictHigh && strictLow)
        {
            matched = true;
        }
        else if (allowEqualEdge && ((strictHigh && outerLow == innerLow) || (strictLow && outerHigh == innerHigh)))
        {
            matched = true;
            equalEdge = true;
        }
        else
        {
            matched = false;
        }

        return matched ? (secondWhite ? Bias.Bullish : Bias.Bearish) : null;
    }
}
