using Quorum.Configuration;
using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Indicators;
using Quorum.Indicators.Statistics;
using Quorum.Strategies.Scoring;

namespace Quorum.Strategies.Seed001;

/// <summary>
/// <c>vol_exp_15m</c> (seed 001 <c>vol_exp_15m.py</c>): on each closed 15m bar, a volatility expansion when ATR%
/// (100·ATR(14)/close) and the bar's volume are both strictly above their <c>quantile</c> (0.8) over the previous
/// <c>window</c> bars; LONG when the bar closed up (close &gt; open and &gt; the previous close), SHORT when it closed
/// down. The setup must score ≥ 7 (regime on 15m, higher-timeframe alignment from the 1h EMA(<c>htf_ema</c>) trend).
/// Exits: stop <c>stop_atr</c> × ATR(14, 15m), trail <c>trail_atr</c> (1.5) × ATR, time stop <c>time_stop_minutes</c>
/// (2–3 h); no take-profit of its own.
/// </summary>
public sealed class VolExp15m : Seed001Strategy
{
    public const string StrategyName = KnownStrategies.VolExp15m;

    private static readonly RegimeFit Fit = new([2, 0, 1, 1.5, 0], [0, 2, 1, 1.5, 0]);

    private readonly bool _shorts;

    public VolExp15m(StrategyParameters parameters, StrategyUniverse universe, INewsFlagSource? news = null)
        : base(Descriptor, parameters, universe, Timeframe.M15, Fit, AlignmentMode.WithTrend)
    {
        var window = parameters.GetInt32("window");
        var quantile = parameters.Get("quantile");
        var htfEma = parameters.GetInt32("htf_ema");
        var trail = TrailSpec.Atr((decimal)parameters.Get("trail_atr"));
        _shorts = parameters.Get("shorts") >= 1;
        var first = Initialize(
            universe,
            news,
            "time_stop_minutes",
            Timeframe.MinuteMs,
            takeProfits: null,
            trail: trail,
            symbol => [new(symbol, Timeframe.M15), new(symbol, Timeframe.H1)],
            _ => new SymbolState(window, quantile, htfEma));

        // 15m bars before the first possible signal.
        WarmUpBars = Math.Max(first.Setup.WarmUpBars, first.Setup.Atr.WarmUpPeriod + window);
    }

    public static StrategyDescriptor Descriptor { get; } = Seed001Setup.Describe(
        StrategyName,
        "1.0.0",
        "15m volatility expansion: ATR% and volume above their 0.8 quantile over the window, setup score ≥ 7; 1.5×ATR trail, 2–3 h time stop",
        [Timeframe.M15, Timeframe.H1],
        maxSpreadBps: 60,
        (parameters, universe) => new VolExp15m(parameters, universe),
        new StrategyParameter("window", "bars N of ATR% and volume history the quantile is taken over (the current bar excluded)", 96, 10, 5000, isInteger: true),
        new StrategyParameter("quantile", "ATR% and volume must be strictly above this quantile of the window", 0.8, 0.5, 0.99),
        new StrategyParameter("htf_ema", "period of the 1h EMA whose trend the setup score checks", 50, 5, 400, isInteger: true),
        new StrategyParameter("stop_atr", "initial stop distance in ATR(14) of 15m", 1.5, 0.5, 10),
        new StrategyParameter("trail_atr", "trailing stop in ATR", 1.5, 0.5, 10),
        new StrategyParameter("time_stop_minutes", "close the trade this long after entry (seed: 2–3 h)", 150, 120, 180, isInteger: true),
        new StrategyParameter("shorts", "1: also short downward expansions; 0: long only", 1, 0, 1, isInteger: true));

    private protected override void OnSignalBar(Seed001SymbolState symbolState, Symbol symbol, in Bar bar, in OhlcvPoint point, ISignalSink signals)
    {
        var state = (SymbolState)symbolState;
        var atrThreshold = state.AtrQuantile.Value;
        var volumeThreshold = state.VolumeQuantile.Value;
        var ready = state.AtrQuantile.IsReady && state.VolumeQuantile.IsReady;
        var previousClose = state.PreviousClose;
        state.Update(point);
        if (!ready || !state.IsReady)
        {
            return;
        }

        var atrPercent = state.AtrPercent;
        if (!(atrPercent > atrThreshold && point.Volume > volumeThreshold))
        {
            return;
        }

        PositionSide side;
        if (point.Close > point.Open && point.Close > previousClose)
        {
            side = PositionSide.Long;
        }
        else if (_shorts && point.Close < point.Open && point.Close < previousClose)
        {
            side = PositionSide.Short;
        }
        else
        {
            return;
        }

        if (!Passes(state, symbol, bar.OpenTimeMs, side, out var score))
        {
            return;
        }

        signals.Emit(Entry(
            state,
            symbol,
            bar,
            side,
            $"15m expansion {(side == PositionSide.Long ? "up" : "down")}: atr% {atrPercent:F3} > {atrThreshold:F3}, volume {point.Volume:G6} > {volumeThreshold:G6}",
            score,
            Seed001Setup.Item("atr_percent", atrPercent),
            Seed001Setup.Item("atr_percent_quantile", atrThreshold),
            Seed001Setup.Item("volume_quantile", volumeThreshold)));
    }

    private sealed class SymbolState(int window, double quantile, int htfEma)
        : Seed001SymbolState(Timeframe.M15, htfEma)
    {
        public RollingQuantile AtrQuantile { get; } = new(window, quantile);

        public RollingQuantile VolumeQuantile { get; } = new(window, quantile);

        public double PreviousClose { get; private set; } = double.NaN;

        /// <summary>100·ATR/close of the last bar; NaN until ATR is ready.</summary>
        public double AtrPercent { get; private set; } = double.NaN;

        public bool IsReady => Setup.IsReady;

        public void Update(in OhlcvPoint bar)
        {
            Setup.Update(bar);
            var atr = Setup.Atr;
            AtrPercent = atr.IsReady ? 100.0 * atr.Value / bar.Close : double.NaN;
            if (atr.IsReady)
            {
                AtrQuantile.Update(AtrPercent);
            }

            VolumeQuantile.Update(bar.Volume);
            PreviousClose = bar.Close;
        }

        public override void Reset()
        {
            base.Reset();
            AtrQuantile.Reset();
            VolumeQuantile.Reset();
            PreviousClose = double.NaN;
            AtrPercent = double.NaN;
        }
    }
}
