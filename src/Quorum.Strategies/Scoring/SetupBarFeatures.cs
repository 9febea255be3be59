using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Indicators;
using Quorum.Indicators.Averages;
using Quorum.Indicators.Volume;

namespace Quorum.Strategies.Scoring;

/// <summary>
/// What setup scoring reads from the bars of the signal's timeframe, the liquidity proxy included (with bars only there
/// is no order book): mean quote turnover (close × volume) per hour over the window, the Corwin–Schultz high-low
/// spread estimate over the window (<see cref="HighLowSpread"/>), the bar's volume relative to the mean volume of the
/// window before it, and where the bar closed in its range. No allocation per bar.
/// </summary>
public sealed class SetupBarFeatures
{
    private readonly Sma _turnover;
    private readonly HighLowSpread _spread;
    private readonly Sma _volume;
    private readonly double _barsPerHour;

    public SetupBarFeatures(Timeframe timeframe, int window = 20)
    {
        _turnover = new Sma(window);
        _spread = new HighLowSpread(window);
        _volume = new Sma(window);
        _barsPerHour = (double)Timeframe.HourMs / timeframe.Milliseconds;
        Window = window;
    }

    public int Window { get; }

    /// <summary>Bars before every feature is defined (the volume ratio needs a full window before the bar).</summary>
    public int WarmUpBars => Window + 1;

    public bool IsReady => _spread.IsReady && VolumeRatio >= 0;

    /// <summary>Mean quote turnover per hour of the window.</summary>
    public double TurnoverPerHour => _turnover.Value * _barsPerHour;

    /// <summary>Estimated spread as a fraction of the price.</summary>
    public double Spread => _spread.Value;

    /// <summary>The last bar's volume divided by the mean volume of the <see cref="Window"/> bars before it (NaN before that).</summary>
    public double VolumeRatio { get; private set; } = double.NaN;

    /// <summary>Where the last bar closed in its range, 0 at the low, 1 at the high (0.5 for a bar without range).</summary>
    public double CloseLocation { get; private set; } = 0.5;

    public void Update(in OhlcvPoint bar)
    {
        var average = _volume.Value;
        VolumeRatio = !_volume.IsReady ? double.NaN : average > 0 ? bar.Volume / average : bar.Volume > 0 ? double.MaxValue : 1.0;
        _volume.Update(bar.Volume);
        _turnover.Update(bar.Close * bar.Volume);
        _spread.Update(bar);
        var range = bar.High - bar.Low;
        CloseLocation = range > 0 ? (bar.Close - bar.Low) / range : 0.5;
    }

    /// <summary><see cref="CloseLocation"/> in the direction of <paramref name="side"/>: near 1 when the bar closed at its extreme that way.</summary>
    public double CloseLocationFor(PositionSide side) => side == PositionSide.Long ? CloseLocation : 1.0 - CloseLocation;

    public void Reset()
    {
        _turnover.Reset();
        _spread.Reset();
        _volume.Reset();
        VolumeRatio = double.NaN;
        CloseLocation = 0.5;
    }
}
