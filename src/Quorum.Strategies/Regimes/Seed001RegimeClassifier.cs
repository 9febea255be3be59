using Quorum.Configuration;
using Quorum.Core.Time;
using Quorum.Indicators;

namespace Quorum.Strategies.Regimes;

/// <summary>
/// Seed 001's market regime classifier (<c>regimes.py</c>): labels <c>trend_up, trend_down, range_lowvol,
/// range_highvol, panic</c> (<see cref="RegimeLabels"/>) from <see cref="RegimeFeatures"/>, first rule that holds:
/// <list type="number">
/// <item><c>panic</c> — the crash detector: the close is at least <see cref="Seed001RegimeThresholds.CrashDrop"/> below
/// the highest close of the crash window (10 % under the 24 h high), or the bar closed down with a true range of at
/// least <see cref="Seed001RegimeThresholds.SpikeAtrMultiple"/> ATRs;</item>
/// <item><c>trend_up</c> / <c>trend_down</c> — ADX ≥ <see cref="Seed001RegimeThresholds.AdxTrend"/> and the EMA200 slope
/// above + / below − <see cref="Seed001RegimeThresholds.SlopeMinimum"/>;</item>
/// <item><c>range_highvol</c> — ATR% or HV strictly above its rolling volatility quantile (the top quarter of the last 250
/// bars by default);</item>
/// <item><c>range_lowvol</c> — otherwise.</item>
/// </list>
/// <see cref="RegimeClassifierLabels.Unknown"/> until every feature is defined. No hysteresis (the brain adds it).
/// </summary>
public sealed class Seed001RegimeClassifier : IRegimeClassifier
{
    private readonly RegimeFeatures _features;

    public Seed001RegimeClassifier(Timeframe timeframe, RegimeFeatureOptions? features = null, Seed001RegimeThresholds? thresholds = null)
    {
        Thresholds = thresholds ?? new Seed001RegimeThresholds();
        Thresholds.Validate();
        _features = new RegimeFeatures(timeframe, features);
    }

    public Seed001RegimeThresholds Thresholds { get; }

    /// <summary>The features behind the current label.</summary>
    public RegimeFeatures Features => _features;

    public IReadOnlyList<string> Labels => RegimeLabels.All;

    public string Label { get; private set; } = RegimeClassifierLabels.Unknown;

    public bool IsReady => _features.IsReady;

    public long Samples => _features.Samples;

    /// <summary>Bars before the first label other than <see cref="RegimeClassifierLabels.Unknown"/>.</summary>
    public int WarmUpBars => _features.WarmUpBars;

    public void Update(in OhlcvPoint bar)
    {
        _features.Update(bar);
        Label = _features.IsReady ? Classify(_features.Current, Thresholds) : RegimeClassifierLabels.Unknown;
    }

    public void Reset()
    {
        _features.Reset();
        Label = RegimeClassifierLabels.Unknown;
    }

    /// <summary>The label of <paramref name="features"/> under <paramref name="thresholds"/> (the rules above, in order).</summary>
    public static string Classify(in RegimeFeatureValues features, Seed001RegimeThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        if (features.Drawdown >= thresholds.CrashDrop || (features.ClosedDown && features.RangeToAtr >= thresholds.SpikeAtrMultiple))
        {
            return RegimeLabels.Panic;
        }

        if (features.Adx >= thresholds.AdxTrend)
        {
            if (features.EmaSlope > thresholds.SlopeMinimum)
            {
                return RegimeLabels.TrendUp;
            }

            if (features.EmaSlope < -thresholds.SlopeMinimum)
            {
                return RegimeLabels.TrendDown;
            }
        }

        return features.AtrPercent > features.AtrPercentThreshold || features.HistoricalVolatility > features.HistoricalVolatilityThreshold
            ? RegimeLabels.RangeHighVol
            : RegimeLabels.RangeLowVol;
    }
}
