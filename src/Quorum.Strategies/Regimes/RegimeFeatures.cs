using Quorum.Core.Time;
using Quorum.Indicators;
using Quorum.Indicators.Averages;
using Quorum.Indicators.Statistics;
using Quorum.Indicators.Volatility;

namespace Quorum.Strategies.Regimes;

/// <summary>
/// The streaming feature set behind regime labels, shared by every classifier (DESIGN §6): ADX, the normalized slope
/// of the long EMA, ATR% and historical volatility each with its rolling volatility quantile, the drawdown from the
/// highest close of the crash window and the bar's true range in ATRs. O(log window) per bar, no allocation per bar.
/// </summary>
public sealed class RegimeFeatures
{
    private readonly Adx _adx;
    private readonly Ema _ema;
    private readonly LinearRegressionSlope _slope;
    private readonly Atr _atr;
    private readonly RollingQuantile _atrQuantile;
    private readonly HistoricalVolatility _hv;
    private readonly RollingQuantile _hvQuantile;
    private readonly RollingMaximum _highest;
    private double _previousClose = double.NaN;

    public RegimeFeatures(Timeframe timeframe, RegimeFeatureOptions? options = null)
    {
        Options = options ?? new RegimeFeatureOptions();
        Options.Validate();
        Timeframe = timeframe;
        _adx = new Adx(Options.AdxPeriod);
        _ema = new Ema(Options.EmaPeriod);
        _slope = new LinearRegressionSlope(Options.SlopePeriod, normalized: true);
        _atr = new Atr(Options.AtrPeriod);
        _atrQuantile = new RollingQuantile(Options.PercentileWindow, Options.VolatilityQuantile);
        _hv = new HistoricalVolatility(Options.HistoricalVolatilityPeriod, timeframe);
        _hvQuantile = new RollingQuantile(Options.PercentileWindow, Options.VolatilityQuantile);
        _highest = new RollingMaximum(Options.CrashWindowBars(timeframe));
        WarmUpBars = Math.Max(
            Math.Max(_adx.WarmUpPeriod, Options.EmaPeriod + Options.SlopePeriod - 1),
            Math.Max(Math.Max(_atr.WarmUpPeriod, _hv.WarmUpPeriod) + Options.PercentileWindow - 1, _highest.WarmUpPeriod));
    }

    public RegimeFeatureOptions Options { get; }

    public Timeframe Timeframe { get; }

    /// <summary>Bars after which <see cref="IsReady"/> is true.</summary>
    public int WarmUpBars { get; }

    public long Samples { get; private set; }

    public bool IsReady => Samples >= WarmUpBars;

    /// <summary>The features after the last bar; meaningful once <see cref="IsReady"/>.</summary>
    public RegimeFeatureValues Current { get; private set; }

    /// <summary>Consumes one closed bar.</summary>
    public void Update(in OhlcvPoint bar)
    {
        IndicatorGuard.Finite(bar, "regime features", Samples + 1);
        Samples++;
        var atrBefore = _atr.Value;
        var trueRange = double.IsNaN(_previousClose)
            ? bar.High - bar.Low
            : Math.Max(bar.High, _previousClose) - Math.Min(bar.Low, _previousClose);
        var closedDown = bar.Close < _previousClose;
        _previousClose = bar.Close;

        _adx.Update(bar);
        _ema.Update(bar.Close);
        if (_ema.IsReady)
        {
            _slope.Update(_ema.Value);
        }

        _atr.Update(bar);
        var atrPercent = double.NaN;
        if (_atr.IsReady)
        {
            atrPercent = 100.0 * _atr.Value / bar.Close;
            _atrQuantile.Update(atrPercent);
        }

        _hv.Update(bar.Close);
        if (_hv.IsReady)
        {
            _hvQuantile.Update(_hv.Value);
        }

        _highest.Update(bar.Close);
        Current = new RegimeFeatureValues(
            _adx.Value,
            _slope.Value,
            atrPercent,
            _atrQuantile.Value,
            _hv.Value,
            _hvQuantile.Value,
            1.0 - (bar.Close / _highest.Value),
            atrBefore > 0 ? trueRange / atrBefore : double.NaN,
            closedDown);
    }

    public void Reset()
    {
        Samples = 0;
        _previousClose = double.NaN;
        _adx.Reset();
        _ema.Reset();
        _slope.Reset();
        _atr.Reset();
        _atrQuantile.Reset();
        _hv.Reset();
        _hvQuantile.Reset();
        _highest.Reset();
        Current = default;
    }
}
