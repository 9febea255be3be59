using Quorum.Core.MarketData;
using Quorum.Indicators;
using Quorum.Indicators.Statistics;
using Quorum.Indicators.Volatility;

namespace Quorum.Risk.Sizing;

/// <summary>
/// One symbol's ATR and the high-volatility threshold of the dynamic risk reduction: the
/// <c>atr_percentile</c>-th percentile of the ATR over the last <see cref="Lookback"/> bars (governance.yaml
/// <c>quorum_additions.dynamic_risk_reduction.atr_percentile</c>). Feed it every closed bar of the
/// strategy timeframe; no allocation per bar.
/// </summary>
public sealed class VolatilityMonitor
{
    /// <summary>Default ATR period.</summary>
    public const int DefaultAtrPeriod = 14;

    /// <summary>Default history the percentile is taken over (in bars).</summary>
    public const int DefaultLookback = 500;

    private readonly Atr _atr;
    private readonly RollingQuantile _quantile;

    public VolatilityMonitor(decimal atrPercentile, int atrPeriod = DefaultAtrPeriod, int lookback = DefaultLookback)
    {
        if (atrPercentile is <= 0m or >= 100m)
        {
            throw new ArgumentOutOfRangeException(nameof(atrPercentile), atrPercentile, $"ATR percentile {atrPercentile} is out of range (0 < x < 100)");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(lookback, 2);
        _atr = new Atr(atrPeriod);
        _quantile = new RollingQuantile(lookback, (double)atrPercentile / 100.0);
        Lookback = lookback;
    }

    public int Lookback { get; }

    /// <summary>Current ATR; NaN while it warms up.</summary>
    public double Atr => _atr.IsReady ? _atr.Value : double.NaN;

    /// <summary>ATR's percentile over the lookback (current ATR included); NaN until <see cref="Lookback"/> ATR values exist.</summary>
    public double HighThreshold => _quantile.IsReady ? _quantile.Value : double.NaN;

    /// <summary>True while ATR is above <see cref="HighThreshold"/>.</summary>
    public bool IsHigh => double.IsFinite(HighThreshold) && Atr > HighThreshold;

    /// <summary>Consumes one closed bar.</summary>
    public void Update(in Bar bar)
    {
        _atr.Update(OhlcvPoint.From(bar));
        if (_atr.IsReady)
        {
            _quantile.Update(_atr.Value);
        }
    }
}
