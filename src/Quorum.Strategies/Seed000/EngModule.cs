using System.Globalization;
using Quorum.Core.MarketData;
using Quorum.Core.Trading;
using Quorum.Indicators;
using Quorum.Indicators.Oscillators;
using Quorum.Indicators.PriceAction;

namespace Quorum.Strategies.Seed000;

/// <summary>
/// <c>eng</c> (seed 000 ENG, engulfing + RSI): a 15m engulfing pattern (<see cref="EngulfingDetector"/>, strict
/// TA-Lib rule: opposite colours, the second real body beyond both edges of the first) after an RSI extreme. LONG on a
/// bullish engulfing whose engulfed bar closed with RSI(<c>rsi_period</c>) ≤ <c>oversold</c>; SHORT on a bearish
/// engulfing whose engulfed bar closed with RSI ≥ <c>overbought</c>. The RSI is read at the engulfed bar (the end of
/// the move the pattern reverses), not at the engulfing bar, whose own close already pulls the RSI back.
/// </summary>
/// <remarks>
/// Confidence = (extremity + size) / 2: extremity = clamp((50 − RSI) / 50) for a long (clamp((RSI − 50) / 50) for a
/// short), size = clamp(engulfing body / engulfed body − 1) (a body twice the engulfed one or more = 1; an engulfed doji
/// = 1). Stop: beyond both bars (the lower low for a long, the higher high for a short).
/// </remarks>
internal sealed class EngModule : Seed000Module<EngModule.State>
{
    public const string StrategyName = "eng";

    public EngModule(StrategyParameters parameters, StrategyUniverse universe)
        : base(Descriptor, parameters, universe)
    {
        RsiPeriod = parameters.GetInt32("rsi_period");
        Oversold = parameters.Get("oversold");
        Overbought = parameters.Get("overbought");
    }

    public static StrategyDescriptor Descriptor { get; } = Seed000Parameters.Describe(
        StrategyName,
        "1.0.0",
        "Seed 000 ENG: a 15m engulfing bar after an RSI extreme (long after oversold, short after overbought), with the 1h trend.",
        (parameters, universe) => new EngModule(parameters, universe),
        new StrategyParameter("rsi_period", "RSI period (15m bars)", 14, 2, 100, isInteger: true),
        new StrategyParameter("oversold", "a bullish engulfing needs the engulfed bar's RSI at or below this", 35, 5, 50),
        new StrategyParameter("overbought", "a bearish engulfing needs the engulfed bar's RSI at or above this", 65, 50, 95));

    public int RsiPeriod { get; }

    public double Oversold { get; }

    public double Overbought { get; }

    /// <summary>RSI's first value is at bar period + 1 (index period); the engulfing bar comes one bar later.</summary>
    protected override int ModuleWarmUpBars => RsiPeriod + 2;

    protected override State CreateState() => new(new EngulfingDetector(), new Rsi(RsiPeriod));

    protected override PositionSide? Detect(State state, in Bar bar, in OhlcvPoint point)
    {
        state.Engulfing.Update(point);
        var previousRsi = state.Rsi.Value; // NaN while warming up: every comparison below is false
        state.Rsi.Update(point.Close);
        PositionSide? side = null;
        if (state.Engulfing.Detected is { } pattern)
        {
            side = pattern.Bias == Bias.Bullish
                ? (previousRsi <= Oversold ? PositionSide.Long : null)
                : (previousRsi >= Overbought ? PositionSide.Short : null);
            if (side is not null)
            {
                state.SignalRsi = previousRsi;
                state.EngulfedBody = Math.Abs(state.PreviousClose - state.PreviousOpen);
                state.EngulfedLow = state.PreviousLow;
                state.EngulfedHigh = state.PreviousHigh;
            }
        }

        state.PreviousOpen = point.Open;
        state.PreviousClose = point.Close;
        state.PreviousLow = bar.Low;
        state.PreviousHigh = bar.High;
        return side;
    }

    protected override ModuleEntry Describe(State state, in Bar bar, PositionSide side)
    {
        var rsi = state.SignalRsi;
        var extremity = side == PositionSide.Long ? Unit((50.0 - rsi) / 50.0) : Unit((rsi - 50.0) / 50.0);
        var body = Math.Abs((double)(bar.Close - bar.Open));
        var size = state.EngulfedBody > 0 ? Unit((body / state.EngulfedBody) - 1.0) : 1.0;
        return new(
            string.Create(CultureInfo.InvariantCulture, $"ENG {(side == PositionSide.Long ? "bullish" : "bearish")} engulfing after RSI {rsi:0.##}"),
            (extremity + size) / 2.0,
            side == PositionSide.Long ? Math.Min(bar.Low, state.EngulfedLow) : Math.Max(bar.High, state.EngulfedHigh),
            [
                Meta("rsi", rsi),
                Meta("body", body),
                Meta("engulfed_body", state.EngulfedBody),
            ]);
    }

    internal sealed class State(EngulfingDetector engulfing, Rsi rsi)
    {
        public EngulfingDetector Engulfing { get; } = engulfing;

        public Rsi Rsi { get; } = rsi;

        public double PreviousOpen { get; set; }

        public double PreviousClose { get; set; }

        public decimal PreviousLow { get; set; }

        public decimal PreviousHigh { get; set; }

        public double SignalRsi { get; set; }

        public double EngulfedBody { get; set; }

        public decimal EngulfedLow { get; set; }

        public decimal EngulfedHigh { get; set; }
    }
}
