using Quorum.Configuration;
using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Indicators;
using Quorum.Indicators.Averages;
using Quorum.Indicators.Volatility;
using Quorum.Strategies.Scoring;

namespace Quorum.Strategies.Seed001;

/// <summary>
/// <c>breakout_4h</c> (seed 001 <c>breakout_4h.py</c>): on each closed 4h bar, a LONG entry when the close breaks above
/// the highest high of the previous <c>donchian_entry</c> (20) bars, lies above the middle of the previous
/// <c>donchian_trend</c> (55) bars' channel, ADX(14) &gt; <c>adx_min</c> (20) and the slope of EMA200 over
/// <c>slope_bars</c> is &gt; 0, confirmed on 1h (the last 1h close above a rising EMA(<c>confirm_ema</c>)); SHORT
/// mirrored. The setup must then score ≥ 7 (<see cref="SetupScorer"/>, regime on 4h, higher-timeframe alignment from
/// the 4h EMA200 trend). Exits: stop <c>stop_atr</c> × ATR(14, 4h), take-profits 25 % at 1R and 25 % at 2R, the
/// rest trailed at <c>trail_atr</c> (2) × ATR, time stop after <c>time_stop_bars</c> 4h bars.
/// </summary>
public sealed class Breakout4h : Seed001Strategy
{
    public const string StrategyName = KnownStrategies.Breakout4h;

    private static readonly RegimeFit Fit = new([2, 0, 1, 1.5, 0], [0, 2, 1, 1.5, 0]);

    /// <summary>25 % at 1R and 25 % at 2R; the rest is the trailed runner.</summary>
    private static readonly TakeProfitAtR[] TakeProfits = [new(1m, 0.25m), new(2m, 0.25m)];

    private readonly int _entryPeriod;
    private readonly double _adxMinimum;
    private readonly bool _shorts;

    public Breakout4h(StrategyParameters parameters, StrategyUniverse universe, INewsFlagSource? news = null)
        : base(Descriptor, parameters, universe, Timeframe.H4, Fit, AlignmentMode.WithTrend)
    {
        _entryPeriod = parameters.GetInt32("donchian_entry");
        var trendPeriod = parameters.GetInt32("donchian_trend");
        if (_entryPeriod >= trendPeriod)
        {
            throw new ArgumentException($"strategy {StrategyName}: donchian_entry = {_entryPeriod} must be below donchian_trend = {trendPeriod}");
        }

        _adxMinimum = parameters.Get("adx_min");
        var trail = TrailSpec.Atr((decimal)parameters.Get("trail_atr"));
        _shorts = parameters.Get("shorts") >= 1;
        var emaPeriod = parameters.GetInt32("ema");
        var slopeBars = parameters.GetInt32("slope_bars");
        var confirmEma = parameters.GetInt32("confirm_ema");
        var first = Initialize(
            universe,
            news,
            "time_stop_bars",
            Timeframe.H4.Milliseconds,
            takeProfits: TakeProfits,
            trail: trail,
            symbol => [new(symbol, Timeframe.H1), new(symbol, Timeframe.H4)],
            _ => new SymbolState(_entryPeriod, trendPeriod, emaPeriod, slopeBars, confirmEma));

        // 4h bars before the first possible signal (the regime classifier's warm-up dominates).
        WarmUpBars = Math.Max(Math.Max(first.Setup.WarmUpBars, emaPeriod + slopeBars - 1), Math.Max(trendPeriod + 1, first.Adx.WarmUpPeriod));
    }

    public static StrategyDescriptor Descriptor { get; } = Seed001Setup.Describe(
        StrategyName,
        "1.0.0",
        "4h Donchian(20/55) breakout with ADX > 20 and EMA200 slope, 1h confirmation, setup score ≥ 7; 2×ATR trail, 1R/2R take-profits, time stop",
        [Timeframe.H1, Timeframe.H4],
        maxSpreadBps: 200,
        (parameters, universe) => new Breakout4h(parameters, universe),
        new StrategyParameter("donchian_entry", "breakout channel: bars of the previous highs/lows the close must break", 20, 5, 200, isInteger: true),
        new StrategyParameter("donchian_trend", "trend channel: bars whose channel middle the close must be beyond; must exceed donchian_entry", 55, 10, 500, isInteger: true),
        new StrategyParameter("adx_min", "ADX(14) on 4h must be strictly above this", 20, 0, 60),
        new StrategyParameter("ema", "period of the 4h EMA whose slope must be > 0 (long) or < 0 (short)", 200, 20, 400, isInteger: true),
        new StrategyParameter("slope_bars", "4h bars the EMA slope is fitted over", 10, 2, 100, isInteger: true),
        new StrategyParameter("confirm_ema", "period of the 1h EMA the last 1h close must be beyond, the EMA moving the trade's way", 20, 2, 200, isInteger: true),
        new StrategyParameter("stop_atr", "initial stop distance in ATR(14) of 4h", 2, 0.5, 10),
        new StrategyParameter("trail_atr", "trailing stop of the runner in ATR", 2, 0.5, 10),
        new StrategyParameter("time_stop_bars", "close the trade after this many 4h bars", 30, 1, 500, isInteger: true),
        new StrategyParameter("shorts", "1: also short breakdowns; 0: long only", 1, 0, 1, isInteger: true));

    private protected override void OnSignalBar(Seed001SymbolState symbolState, Symbol symbol, in Bar bar, in OhlcvPoint point, ISignalSink signals)
    {
        var state = (SymbolState)symbolState;
        var upper = state.Entry.High;
        var lower = state.Entry.Low;
        var middle = state.Trend.Middle;
        var ready = state.Entry.IsReady && state.Trend.IsReady;
        state.Update(point);
        if (!ready || !state.IsReady)
        {
            return;
        }

        var close = point.Close;
        PositionSide side;
        double level;
        if (close > upper && close > middle && state.Slope.Value > 0 && state.ConfirmDirection > 0)
        {
            side = PositionSide.Long;
            level = upper;
        }
        else if (_shorts && close < lower && close < middle && state.Slope.Value < 0 && state.ConfirmDirection < 0)
        {
            side = PositionSide.Short;
            level = lower;
        }
        else
        {
            return;
        }

        if (!(state.Adx.Value > _adxMinimum) || !Passes(state, symbol, bar.OpenTimeMs, side, out var score))
        {
            return;
        }

        signals.Emit(Entry(
            state,
            symbol,
            bar,
            side,
            $"4h close {(side == PositionSide.Long ? "above" : "below")} donchian {_entryPeriod} {level:G6}, adx {state.Adx.Value:F1} > {_adxMinimum}, ema slope {state.Slope.Value:E2}, 1h confirmed",
            score,
            Seed001Setup.Item("donchian_level", level),
            Seed001Setup.Item("adx", state.Adx.Value),
            Seed001Setup.Item("ema_slope", state.Slope.Value)));
    }

    /// <summary>Regime, bar features and ATR on 4h; the "higher timeframe" of the score is the 4h EMA(<c>ema</c>) trend.</summary>
    private sealed class SymbolState(int entryPeriod, int trendPeriod, int emaPeriod, int slopeBars, int confirmEma)
        : Seed001SymbolState(Timeframe.H4, emaPeriod)
    {
        private double _previousConfirmEma = double.NaN;

        public DonchianChannel Entry { get; } = new(entryPeriod);

        public DonchianChannel Trend { get; } = new(trendPeriod);

        public Adx Adx { get; } = new(14);

        public Ema Ema { get; } = new(emaPeriod);

        public LinearRegressionSlope Slope { get; } = new(slopeBars, normalized: true);

        public Ema ConfirmEma { get; } = new(confirmEma);

        /// <summary>+1: the last 1h close is above a rising 1h EMA; −1: below a falling one; 0 otherwise or not ready.</summary>
        public int ConfirmDirection { get; private set; }

        public bool IsReady => Adx.IsReady && Slope.IsReady && Setup.IsReady;

        /// <summary>A closed 1h bar: the confirmation.</summary>
        public override void OnContextBar(in OhlcvPoint bar)
        {
            var close = bar.Close;
            ConfirmEma.Update(close);
            var ema = ConfirmEma.Value;
            ConfirmDirection = !ConfirmEma.IsReady || double.IsNaN(_previousConfirmEma) ? 0
                : close > ema && ema > _previousConfirmEma ? 1
                : close < ema && ema < _previousConfirmEma ? -1
                : 0;
            _previousConfirmEma = ema;
        }

        public void Update(in OhlcvPoint bar)
        {
            Entry.Update(bar);
            Trend.Update(bar);
            Adx.Update(bar);
            Ema.Update(bar.Close);
            if (Ema.IsReady)
            {
                Slope.Update(Ema.Value);
            }

            Setup.Update(bar);
            Setup.Higher.Update(bar.Close);
        }

        public override void Reset()
        {
            base.Reset();
            _previousConfirmEma = double.NaN;
            ConfirmDirection = 0;
            Entry.Reset();
            Trend.Reset();
            Adx.Reset();
            Ema.Reset();
            Slope.Reset();
            ConfirmEma.Reset();
        }
    }
}
