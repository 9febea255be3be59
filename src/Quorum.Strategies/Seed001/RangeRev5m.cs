using Quorum.Configuration;
using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Indicators;
using Quorum.Indicators.Oscillators;
using Quorum.Indicators.Volatility;
using Quorum.Strategies.Scoring;

namespace Quorum.Strategies.Seed001;

/// <summary>
/// <c>range_rev_5m</c> (seed 001 <c>range_rev_5m.py</c>): on each closed 5m bar and only while the regime classifier (on
/// 5m) says <c>range_lowvol</c>, a LONG reversion when the close is at or below the lower Bollinger band
/// (<c>bb_period</c>, <c>bb_deviations</c>) and RSI(<c>rsi_period</c>) is at or below <c>rsi_oversold</c>; SHORT when
/// at or above the upper band with RSI at or above <c>rsi_overbought</c>. The setup must score ≥ 7 (higher-timeframe
/// alignment from the 1h EMA(<c>htf_ema</c>) trend, scored for a reversion: a flat 1h is best). Exits: a tight stop
/// <c>stop_atr</c> × ATR(14, 5m), take-profits half at 0.5R and half at 1.0R, time stop <c>time_stop_minutes</c> (≤ 1 h).
/// </summary>
public sealed class RangeRev5m : Seed001Strategy
{
    public const string StrategyName = KnownStrategies.RangeRev5m;

    private static readonly RegimeFit Fit = new([0, 0, 2, 0, 0], [0, 0, 2, 0, 0]);

    /// <summary>Half at 0.5R, half at 1.0R.</summary>
    private static readonly TakeProfitAtR[] TakeProfits = [new(0.5m, 0.5m), new(1.0m, 0.5m)];

    private readonly double _oversold;
    private readonly double _overbought;
    private readonly bool _shorts;

    public RangeRev5m(StrategyParameters parameters, StrategyUniverse universe, INewsFlagSource? news = null)
        : base(Descriptor, parameters, universe, Timeframe.M5, Fit, AlignmentMode.Reversion)
    {
        _oversold = parameters.Get("rsi_oversold");
        _overbought = parameters.Get("rsi_overbought");
        if (_oversold >= _overbought)
        {
            throw new ArgumentException($"strategy {StrategyName}: rsi_oversold = {_oversold} must be below rsi_overbought = {_overbought}");
        }

        _shorts = parameters.Get("shorts") >= 1;
        var bbPeriod = parameters.GetInt32("bb_period");
        var deviations = parameters.Get("bb_deviations");
        var rsiPeriod = parameters.GetInt32("rsi_period");
        var htfEma = parameters.GetInt32("htf_ema");
        var first = Initialize(
            universe,
            news,
            "time_stop_minutes",
            Timeframe.MinuteMs,
            takeProfits: TakeProfits,
            trail: null,
            symbol => [new(symbol, Timeframe.M5), new(symbol, Timeframe.H1)],
            _ => new SymbolState(bbPeriod, deviations, rsiPeriod, htfEma));

        // 5m bars before the first possible signal (the regime classifier's warm-up).
        WarmUpBars = Math.Max(first.Setup.WarmUpBars, Math.Max(bbPeriod, rsiPeriod + 1));
    }

    public static StrategyDescriptor Descriptor { get; } = Seed001Setup.Describe(
        StrategyName,
        "1.0.0",
        "5m mean reversion from the Bollinger band edges with RSI, only in range_lowvol, setup score ≥ 7; take-profits 0.5R/1.0R, tight stop, time stop ≤ 1 h",
        [Timeframe.M5, Timeframe.H1],
        maxSpreadBps: 40,
        (parameters, universe) => new RangeRev5m(parameters, universe),
        new StrategyParameter("bb_period", "Bollinger band period (5m bars)", 20, 5, 200, isInteger: true),
        new StrategyParameter("bb_deviations", "Bollinger band width in standard deviations", 2, 0.5, 5),
        new StrategyParameter("rsi_period", "RSI period (5m bars)", 14, 2, 100, isInteger: true),
        new StrategyParameter("rsi_oversold", "a long needs RSI at or below this", 30, 1, 50),
        new StrategyParameter("rsi_overbought", "a short needs RSI at or above this", 70, 50, 99),
        new StrategyParameter("htf_ema", "period of the 1h EMA whose trend the setup score checks (flat is best for a reversion)", 50, 5, 400, isInteger: true),
        new StrategyParameter("stop_atr", "tight stop distance in ATR(14) of 5m", 1, 0.25, 5),
        new StrategyParameter("time_stop_minutes", "close the trade this long after entry (seed: ≤ 1 h)", 60, 5, 60, isInteger: true),
        new StrategyParameter("shorts", "1: also short the upper band; 0: long only", 1, 0, 1, isInteger: true));

    private protected override void OnSignalBar(Seed001SymbolState symbolState, Symbol symbol, in Bar bar, in OhlcvPoint point, ISignalSink signals)
    {
        var state = (SymbolState)symbolState;
        state.Update(point);
        if (!state.IsReady || state.Setup.Regime.Label != RegimeLabels.RangeLowVol)
        {
            return;
        }

        var close = point.Close;
        var rsi = state.Rsi.Value;
        PositionSide side;
        if (close <= state.Bands.Lower && rsi <= _oversold)
        {
            side = PositionSide.Long;
        }
        else if (_shorts && close >= state.Bands.Upper && rsi >= _overbought)
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

        var band = side == PositionSide.Long ? state.Bands.Lower : state.Bands.Upper;
        signals.Emit(Entry(
            state,
            symbol,
            bar,
            side,
            $"range_lowvol: close {(side == PositionSide.Long ? "at/below lower" : "at/above upper")} band {band:G6}, rsi {rsi:F1}",
            score,
            Seed001Setup.Item("band", band),
            Seed001Setup.Item("rsi", rsi)));
    }

    private sealed class SymbolState(int bbPeriod, double deviations, int rsiPeriod, int htfEma)
        : Seed001SymbolState(Timeframe.M5, htfEma)
    {
        public BollingerBands Bands { get; } = new(bbPeriod, deviations);

        public Rsi Rsi { get; } = new(rsiPeriod);

        public bool IsReady => Bands.IsReady && Rsi.IsReady && Setup.IsReady;

        public void Update(in OhlcvPoint bar)
        {
            Setup.Update(bar);
            Bands.Update(bar);
            Rsi.Update(bar.Close);
        }

        public override void Reset()
        {
            base.Reset();
            Bands.Reset();
            Rsi.Reset();
        }
    }
}
