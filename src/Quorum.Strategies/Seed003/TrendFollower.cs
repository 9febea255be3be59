using System.Globalization;
using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Indicators;
using Quorum.Indicators.Averages;
using Quorum.Indicators.Oscillators;
using Quorum.Indicators.Volatility;
using Quorum.Strategies.BuiltIn;

namespace Quorum.Strategies.Seed003;

/// <summary>
/// <c>trend_follower</c> (seed 003 §6.3 TrendFollowerStrategy, 1h bars): LONG when EMA(fast) &gt; EMA(slow), the close is
/// above the upper Bollinger band, RSI is in [rsi_min, rsi_max], the bar's volume exceeds volume_multiplier × the mean
/// volume of the previous volume_period bars and ATR exceeds min_atr_pct % of the close; SHORT mirrors it (EMA(fast) &lt;
/// EMA(slow), close below the lower band). A signal fires on the bar where the whole conjunction becomes true (it was not
/// true on the previous bar), so a lasting setup gives one signal. Exits (seed: TP entry ± ATR × tp, SL entry ∓ ATR × sl,
/// trailing stop) go in the <see cref="ExitSpec"/>: stop sl_atr × ATR, one take-profit of the whole position at
/// tp_atr / sl_atr R, trail trail_atr × ATR.
/// </summary>
/// <remarks>
/// Confidence = 0.4 + 0.6 × the mean of three margins, each clamped to [0, 1]: the volume excess
/// (ratio − multiplier) / multiplier, the close's distance beyond the band in ATRs, and the EMA separation in ATRs.
/// </remarks>
public sealed class TrendFollower : IStrategy
{
    public const string StrategyName = "trend_follower";

    private readonly SubscriptionIndex _index;
    private readonly Slot[] _slots;
    private readonly ExitSpec _exits;
    private readonly double _minAtrFraction;

    public TrendFollower(StrategyParameters parameters, StrategyUniverse universe)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(universe);
        FastPeriod = parameters.GetInt32("fast_ema");
        SlowPeriod = parameters.GetInt32("slow_ema");
        if (FastPeriod >= SlowPeriod)
        {
            throw new ArgumentException($"strategy {StrategyName}: fast_ema = {FastPeriod} must be below slow_ema = {SlowPeriod}");
        }

        RsiMin = parameters.Get("rsi_min");
        RsiMax = parameters.Get("rsi_max");
        if (RsiMin >= RsiMax)
        {
            throw new ArgumentException($"strategy {StrategyName}: rsi_min = {RsiMin} must be below rsi_max = {RsiMax}");
        }

        VolumeMultiplier = parameters.Get("volume_multiplier");
        MinAtrPercent = parameters.Get("min_atr_pct");
        _minAtrFraction = MinAtrPercent / 100.0;
        var volumePeriod = parameters.GetInt32("volume_period");
        var bandPeriod = parameters.GetInt32("bb_period");
        var bandWidth = parameters.Get("bb_std");
        var rsiPeriod = parameters.GetInt32("rsi_period");
        var atrPeriod = parameters.GetInt32("atr_period");
        var stopAtr = (decimal)parameters.Get("sl_atr");
        var takeProfitAtr = (decimal)parameters.Get("tp_atr");
        var trailAtr = (decimal)parameters.Get("trail_atr");
        _exits = new ExitSpec(
            stopAtrMultiple: stopAtr,
            takeProfits: [new TakeProfitAtR(takeProfitAtr / stopAtr, 1m)],
            trail: TrailSpec.Atr(trailAtr));

        Parameters = parameters;
        Subscriptions = universe.SubscriptionsFor(Descriptor.Timeframes!);
        _index = new SubscriptionIndex(Subscriptions);
        _slots = [.. Subscriptions.Select(_ => new Slot(FastPeriod, SlowPeriod, bandPeriod, bandWidth, rsiPeriod, atrPeriod, volumePeriod))];
        WarmUpBars = _slots.Length == 0 ? 1 : _slots[0].WarmUpBars;
    }

    public static StrategyDescriptor Descriptor { get; } = new(
        StrategyName,
        "1.0.0",
        "Seed 003 TrendFollower: EMA 20/50 trend + close beyond the Bollinger band + RSI 30-70 + volume > 1.5x average + ATR > 5% of price; " +
        "stop/take-profit as ATR multiples with an ATR trail; longs and shorts.",
        [
            new StrategyParameter("fast_ema", "period of the fast EMA of the close (bars)", 20, 2, 200, isInteger: true),
            new StrategyParameter("slow_ema", "period of the slow EMA of the close (bars); must exceed fast_ema", 50, 3, 500, isInteger: true),
            new StrategyParameter("bb_period", "Bollinger band period (bars)", 20, 5, 200, isInteger: true),
            new StrategyParameter("bb_std", "Bollinger band width in standard deviations", 2.0, 0.5, 4.0),
            new StrategyParameter("rsi_period", "RSI period (bars)", 14, 2, 100, isInteger: true),
            new StrategyParameter("rsi_min", "lowest RSI allowed at entry", 30, 0, 100),
            new StrategyParameter("rsi_max", "highest RSI allowed at entry; must exceed rsi_min", 70, 0, 100),
            new StrategyParameter("volume_period", "bars in the mean volume the entry bar is compared with (the bars before it)", 20, 2, 500, isInteger: true),
            new StrategyParameter("volume_multiplier", "entry bar volume must exceed this multiple of the mean volume", 1.5, 1.0, 10.0),
            new StrategyParameter("atr_period", "ATR period (bars, Wilder)", 14, 2, 200, isInteger: true),
            new StrategyParameter("min_atr_pct", "ATR must exceed this percentage of the close (seed: 5)", 5.0, 0.0, 50.0),
            new StrategyParameter("sl_atr", "stop distance in ATRs", 2.0, 0.5, 10.0),
            new StrategyParameter("tp_atr", "take-profit distance in ATRs (the whole position)", 4.0, 0.5, 30.0),
            new StrategyParameter("trail_atr", "trailing stop distance in ATRs", 2.0, 0.5, 10.0),
        ],
        (parameters, universe) => new TrendFollower(parameters, universe))
    {
        Origin = "seed 003",
        Timeframes = [Timeframe.H1],
    };

    public string Name => StrategyName;

    public string Version => Descriptor.Version;

    public StrategyParameters Parameters { get; }

    public IReadOnlyList<StrategySubscription> Subscriptions { get; }

    public int FastPeriod { get; }

    public int SlowPeriod { get; }

    public double RsiMin { get; }

    public double RsiMax { get; }

    public double VolumeMultiplier { get; }

    public double MinAtrPercent { get; }

    /// <summary>The bar at which every indicator (and the volume baseline of the bars before it) is ready; the first signal can come there.</summary>
    public int WarmUpBars { get; }

    public void OnBar(Symbol symbol, Timeframe timeframe, in Bar bar, ISignalSink signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var index = _index.Find(symbol, timeframe);
        if (index < 0)
        {
            return;
        }

        var slot = _slots[index];
        var point = OhlcvPoint.From(bar);
        var baseline = slot.Volume.Value; // mean volume of the bars before this one
        slot.Update(point);
        if (!slot.IsReady)
        {
            return;
        }

        var close = point.Close;
        var atr = slot.Atr.Value;
        var rsi = slot.Rsi.Value;
        var volumeRatio = baseline > 0 ? point.Volume / baseline : 0.0;
        var common = rsi >= RsiMin && rsi <= RsiMax && volumeRatio > VolumeMultiplier && atr > _minAtrFraction * close;
        var fast = slot.Fast.Value;
        var slow = slot.Slow.Value;
        var setup = !common ? 0
            : fast > slow && close > slot.Bands.Upper ? 1
            : fast < slow && close < slot.Bands.Lower ? -1
            : 0;
        var previous = slot.LastSetup;
        slot.LastSetup = setup;
        if (setup == 0 || setup == previous)
        {
            return;
        }

        var side = setup > 0 ? PositionSide.Long : PositionSide.Short;
        var beyond = setup > 0 ? close - slot.Bands.Upper : slot.Bands.Lower - close;
        var confidence = 0.4 + (0.6 * (Clamp01((volumeRatio - VolumeMultiplier) / VolumeMultiplier) + Clamp01(beyond / atr) + Clamp01(Math.Abs(fast - slow) / atr)) / 3.0);
        signals.Emit(StrategySignals.Entry(
            Name,
            symbol,
            timeframe,
            bar,
            side,
            setup > 0
                ? string.Create(CultureInfo.InvariantCulture, $"ema {FastPeriod} > ema {SlowPeriod}, close above the upper band, rsi {rsi:0.0}, volume {volumeRatio:0.00}x, atr {100 * atr / close:0.00}%")
                : string.Create(CultureInfo.InvariantCulture, $"ema {FastPeriod} < ema {SlowPeriod}, close below the lower band, rsi {rsi:0.0}, volume {volumeRatio:0.00}x, atr {100 * atr / close:0.00}%"),
            confidence,
            _exits,
            [
                KeyValuePair.Create<string, object>("ema_fast", fast),
                KeyValuePair.Create<string, object>("ema_slow", slow),
                KeyValuePair.Create<string, object>("bb_upper", slot.Bands.Upper),
                KeyValuePair.Create<string, object>("bb_lower", slot.Bands.Lower),
                KeyValuePair.Create<string, object>("rsi", rsi),
                KeyValuePair.Create<string, object>("atr", atr),
                KeyValuePair.Create<string, object>("volume_ratio", volumeRatio),
            ]));
    }

    public void Reset()
    {
        foreach (var slot in _slots)
        {
            slot.Reset();
        }
    }

    private static double Clamp01(double value) => Math.Clamp(value, 0.0, 1.0);

    private sealed class Slot(int fast, int slow, int bandPeriod, double bandWidth, int rsiPeriod, int atrPeriod, int volumePeriod)
    {
        public Ema Fast { get; } = new(fast);

        public Ema Slow { get; } = new(slow);

        public BollingerBands Bands { get; } = new(bandPeriod, bandWidth);

        public Rsi Rsi { get; } = new(rsiPeriod);

        public Atr Atr { get; } = new(atrPeriod);

        public Sma Volume { get; } = new(volumePeriod, PriceSource.Volume);

        public int LastSetup { get; set; }

        /// <summary>The volume baseline excludes the current bar, so it is ready one bar after its period.</summary>
        public int WarmUpBars { get; } = Math.Max(Math.Max(Math.Max(slow, bandPeriod), Math.Max(rsiPeriod + 1, atrPeriod + 1)), volumePeriod + 1);

        private long Samples { get; set; }

        public bool IsReady => Samples >= WarmUpBars;

        public void Update(in OhlcvPoint point)
        {
            Samples++;
            Fast.Update(point.Close);
            Slow.Update(point.Close);
            Bands.Update(point);
            Rsi.Update(point.Close);
            Atr.Update(point);
            Volume.Update(point);
        }

        public void Reset()
        {
            Samples = 0;
            LastSetup = 0;
            Fast.Reset();
            Slow.Reset();
            Bands.Reset();
            Rsi.Reset();
            Atr.Reset();
            Volume.Reset();
        }
    }
}
