using System.Globalization;
using Quorum.Core.MarketData;
using Quorum.Indicators;
using Quorum.Indicators.Averages;
using Quorum.Indicators.Statistics;
using Quorum.Indicators.Volatility;

namespace Quorum.Data.Features;

/// <summary>
/// Seed 001 <c>build_features(ohlcv, extra_streams)</c>: ATR, ADX, HV, EMA200, slope(EMA200),
/// Bollinger width, Donchian high/low, volume z-score, funding rate and its delta, basis and its
/// delta — every column aligned on the bar open time, computed from bars closed at or before that
/// bar (no look-ahead), NaN only during warm-up. Batch over spans: the same values the streaming
/// indicators give.
/// </summary>
public static class FeatureBuilder
{
    public static FeatureFrame Build(BarSeries ohlcv, ExtraStreams? extra = null, FeatureOptions? options = null) =>
        Build(OhlcvColumns.From(ohlcv ?? throw new ArgumentNullException(nameof(ohlcv))), ohlcv.Timeframe, extra, options);

    public static FeatureFrame Build(OhlcvColumns bars, Core.Time.Timeframe timeframe, ExtraStreams? extra = null, FeatureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bars);
        options ??= FeatureOptions.Default;
        options.Validate();
        extra ??= ExtraStreams.None;
        var n = bars.Length;
        var columns = new List<KeyValuePair<string, double[]>>();
        double[] Column(string name)
        {
            var values = new double[n];
            columns.Add(new(name, values));
            return values;
        }

        Atr.Batch(bars.High, bars.Low, bars.Close, Column($"atr_{options.AtrPeriod}"), options.AtrPeriod);

        var adx = Column($"adx_{options.AdxPeriod}");
        Adx.Batch(bars.High, bars.Low, bars.Close, adx, new double[n], new double[n], new double[n], options.AdxPeriod);

        HistoricalVolatility.Batch(bars.Close, Column($"hv_{options.HistoricalVolatilityPeriod}"), options.HistoricalVolatilityPeriod, timeframe);

        var ema = Column($"ema_{options.EmaPeriod}");
        Ema.Batch(bars.Close, ema, options.EmaPeriod);
        var slope = Column($"ema_{options.EmaPeriod}_slope_{options.EmaSlopePeriod}");
        slope.AsSpan().Fill(double.NaN);
        var emaStart = options.EmaPeriod - 1;
        if (n > emaStart)
        {
            LinearRegressionSlope.Batch(ema.AsSpan(emaStart), slope.AsSpan(emaStart), options.EmaSlopePeriod, normalized: true);
        }

        var scratch = new double[n];
        BollingerBands.Batch(
            bars.Close, scratch, new double[n], new double[n], Column(string.Create(CultureInfo.InvariantCulture, $"bb_{options.BollingerPeriod}_{options.BollingerMultiplier:0.###}_width")), new double[n],
            options.BollingerPeriod, options.BollingerMultiplier);

        DonchianChannel.Batch(
            bars.High, bars.Low, Column($"donchian_{options.DonchianPeriod}_high"), Column($"donchian_{options.DonchianPeriod}_low"), scratch, options.DonchianPeriod);

        RollingZScore.Batch(bars.Volume, Column($"volume_z_{options.VolumeZScorePeriod}"), options.VolumeZScorePeriod);

        if (extra.Funding is { } funding)
        {
            AddFunding(bars, timeframe, funding, Column("funding_rate"), Column("funding_delta"));
        }

        if (extra.BasisReference is { } reference)
        {
            if (reference.Timeframe != timeframe)
            {
                // With a longer reference bar, "open time at or before this bar's" would read a close that is still in the future.
                throw new ArgumentException(
                    $"basis reference {reference} has timeframe {reference.Timeframe}, the bars have {timeframe}; the basis join needs the same timeframe",
                    nameof(extra));
            }

            AddBasis(bars, reference, Column("basis"), Column($"basis_delta_{options.BasisDeltaBars}"), options.BasisDeltaBars);
        }

        return new FeatureFrame(bars.Time, columns);
    }

    /// <summary>
    /// Funding rate in force at each bar's close (the last funding event strictly before the bar's close time)
    /// and its delta (that rate minus the previous event's rate). NaN before the first event (before the second for the delta).
    /// </summary>
    private static void AddFunding(OhlcvColumns bars, Core.Time.Timeframe timeframe, IReadOnlyList<FundingRate> funding, double[] rate, double[] delta)
    {
        for (var k = 1; k < funding.Count; k++)
        {
            if (funding[k].FundingTimeMs <= funding[k - 1].FundingTimeMs)
            {
                throw new ArgumentException($"funding rates must be in strictly ascending time (event {k} at {funding[k].FundingTimeMs} follows {funding[k - 1].FundingTimeMs})", nameof(funding));
            }
        }

        var next = 0;
        for (var i = 0; i < bars.Length; i++)
        {
            var closeTime = bars.Time[i] + timeframe.Milliseconds;
            while (next < funding.Count && funding[next].FundingTimeMs < closeTime)
            {
                next++;
            }

            rate[i] = next >= 1 ? (double)funding[next - 1].Rate : double.NaN;
            delta[i] = next >= 2 ? (double)(funding[next - 1].Rate - funding[next - 2].Rate) : double.NaN;
        }
    }

    /// <summary>
    /// Basis = close / reference close − 1, the reference being the other leg's bar with the latest open
    /// time at or before this bar's (it closes no later than this bar), and its change over <paramref name="deltaBars"/> bars.
    /// </summary>
    private static void AddBasis(OhlcvColumns bars, BarSeries reference, double[] basis, double[] delta, int deltaBars)
    {
        var other = reference.Span;
        var j = -1;
        for (var i = 0; i < bars.Length; i++)
        {
            while (j + 1 < other.Length && other[j + 1].OpenTimeMs <= bars.Time[i])
            {
                j++;
            }

            basis[i] = j >= 0 ? (bars.Close[i] / (double)other[j].Close) - 1.0 : double.NaN;
            delta[i] = i >= deltaBars ? basis[i] - basis[i - deltaBars] : double.NaN;
        }
    }
}
