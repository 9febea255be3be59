using Quorum.Core.Trading;
using Quorum.Indicators.Averages;

namespace Quorum.Strategies.Scoring;

/// <summary>
/// The trend of a higher timeframe for setup scoring: <see cref="TrendDirection.Up"/> when the close is above an EMA
/// that rose over the last bar, <see cref="TrendDirection.Down"/> when below a falling EMA, otherwise flat (and flat
/// until the EMA is ready). Fed the higher timeframe's closes.
/// </summary>
public sealed class HigherTimeframeTrend
{
    private readonly Ema _ema;
    private double _previousEma = double.NaN;

    public HigherTimeframeTrend(int period)
    {
        _ema = new Ema(period);
    }

    public int Period => _ema.Period;

    /// <summary>Closes after which a direction other than flat can be given.</summary>
    public int WarmUpBars => _ema.Period + 1;

    public bool IsReady => _ema.Samples >= WarmUpBars;

    public TrendDirection Direction { get; private set; }

    public void Update(double close)
    {
        _ema.Update(close);
        var ema = _ema.Value;
        Direction = !IsReady ? TrendDirection.Flat
            : close > ema && ema > _previousEma ? TrendDirection.Up
            : close < ema && ema < _previousEma ? TrendDirection.Down
            : TrendDirection.Flat;
        _previousEma = ema;
    }

    public void Reset()
    {
        _ema.Reset();
        _previousEma = double.NaN;
        Direction = TrendDirection.Flat;
    }

    /// <summary>The higher-timeframe part (0, 1 or 2 points) of a <paramref name="side"/> setup of <paramref name="mode"/>.</summary>
    public static double Points(TrendDirection direction, PositionSide side, AlignmentMode mode)
    {
        var wanted = side == PositionSide.Long ? TrendDirection.Up : TrendDirection.Down;
        if (direction == TrendDirection.Flat)
        {
            return mode == AlignmentMode.WithTrend ? 1.0 : 2.0;
        }

        if (mode == AlignmentMode.Flat)
        {
            return 1.0;
        }

        if (direction == wanted)
        {
            return mode == AlignmentMode.WithTrend ? 2.0 : 1.0;
        }

        return 0.0;
    }
}
