using System.Globalization;
using Quorum.Core.MarketData;
using Quorum.Core.Trading;
using Quorum.Indicators;
using Quorum.Indicators.Averages;
using Quorum.Indicators.PriceAction;

namespace Quorum.Strategies.Seed000;

/// <summary>
/// <c>pin</c> (seed 000 PIN, pin bar + level + EMA): a 15m pin bar (<see cref="PinBarDetector"/>: nose ≥ <c>nose_body</c>
/// bodies, opposite wick ≤ <c>opposite_wick</c> × nose) that rejects a support/resistance level
/// (<see cref="SupportResistanceTracker"/>, pivots with <c>level_bars</c> bars each side, ≥ <c>min_touches</c> touches),
/// on the side of the 15m EMA(<c>ema</c>). LONG: a bullish pin (long lower wick) whose nose reaches a level — the level
/// lies in [low − tolerance, body low] — closing above the EMA. SHORT: a bearish pin whose nose reaches a level in
/// [body high, high + tolerance], closing below the EMA. The tolerance is the tracker's (max(<c>level_tolerance_pct</c> %
/// of the price, 0.25 ATR)). Of several such levels the one nearest to the nose's tip counts.
/// </summary>
/// <remarks>
/// Confidence = (shape + strength + proximity) / 3: shape = nose / bar range (the longer the rejection wick, the
/// better), strength = min(touches, 4) / 4 (a level touched 4 times or more = 1), proximity = 1 − |level − tip| /
/// (nose + tolerance) (a tip exactly at the level = 1). Stop: the pin's tip (its low for a long, its high for a short).
/// </remarks>
internal sealed class PinModule : Seed000Module<PinModule.State>
{
    public const string StrategyName = "pin";

    private readonly PinBarOptions _pinOptions;
    private readonly SupportResistanceOptions _levelOptions;

    public PinModule(StrategyParameters parameters, StrategyUniverse universe)
        : base(Descriptor, parameters, universe)
    {
        EmaPeriod = parameters.GetInt32("ema");
        MinTouches = parameters.GetInt32("min_touches");
        _pinOptions = new PinBarOptions
        {
            MinNoseToBody = parameters.Get("nose_body"),
            MaxOppositeWickToNose = parameters.Get("opposite_wick"),
        }.Validate(StrategyName);
        var levelBars = parameters.GetInt32("level_bars");
        _levelOptions = new SupportResistanceOptions
        {
            LeftBars = levelBars,
            RightBars = levelBars,
            PriceTolerance = parameters.Get("level_tolerance_pct") / 100.0,
        }.Validate(StrategyName);
    }

    public static StrategyDescriptor Descriptor { get; } = Seed000Parameters.Describe(
        StrategyName,
        "1.0.0",
        "Seed 000 PIN: a 15m pin bar whose nose rejects a support/resistance level, on the side of the 15m EMA, with the 1h trend.",
        (parameters, universe) => new PinModule(parameters, universe),
        new StrategyParameter("nose_body", "the pin's nose must be at least this many bodies long", 2, 1, 10),
        new StrategyParameter("opposite_wick", "the opposite wick may be at most this fraction of the nose", 0.25, 0, 0.9),
        new StrategyParameter("ema", "period of the 15m EMA (longs close above it, shorts below)", 50, 2, 500, isInteger: true),
        new StrategyParameter("level_bars", "bars each side of the pivots that make the levels", 5, 1, 20, isInteger: true),
        new StrategyParameter("min_touches", "pivots a level needs before a pin at it counts", 2, 1, 10, isInteger: true),
        new StrategyParameter("level_tolerance_pct", "level tolerance in percent of the price (at least 0.25 ATR)", 0.1, 0.01, 2));

    public int EmaPeriod { get; }

    public int MinTouches { get; }

    /// <summary>The EMA's first value; a level needs at least two pivots with their side bars before it, which a pin may come after.</summary>
    protected override int ModuleWarmUpBars => EmaPeriod;

    protected override State CreateState() =>
        new(new PinBarDetector(_pinOptions), new SupportResistanceTracker(_levelOptions), new Ema(EmaPeriod));

    protected override PositionSide? Detect(State state, in Bar bar, in OhlcvPoint point)
    {
        state.Pins.Update(point);
        state.Levels.Update(point);
        state.Ema.Update(point.Close);
        if (state.Pins.Detected is not { } pin || !state.Ema.IsReady)
        {
            return null;
        }

        var bullish = pin.Bias == Bias.Bullish;
        if (bullish ? !(point.Close > state.Ema.Value) : !(point.Close < state.Ema.Value))
        {
            return null;
        }

        var tip = bullish ? point.Low : point.High;
        var bodyEdge = bullish ? Math.Min(point.Open, point.Close) : Math.Max(point.Open, point.Close);
        var levels = state.Levels.Levels;
        var best = -1;
        var bestDistance = double.PositiveInfinity;
        for (var i = 0; i < levels.Count; i++)
        {
            var level = levels[i];
            if (level.Touches < MinTouches)
            {
                continue;
            }

            var tolerance = state.Levels.ToleranceAt(level.Price);
            var reached = bullish
                ? level.Price >= tip - tolerance && level.Price <= bodyEdge
                : level.Price <= tip + tolerance && level.Price >= bodyEdge;
            var distance = Math.Abs(level.Price - tip);
            if (reached && distance < bestDistance)
            {
                best = i;
                bestDistance = distance;
            }
        }

        if (best < 0)
        {
            return null;
        }

        state.Pin = pin;
        state.Level = levels[best];
        state.Tolerance = state.Levels.ToleranceAt(levels[best].Price);
        state.EmaValue = state.Ema.Value;
        return bullish ? PositionSide.Long : PositionSide.Short;
    }

    protected override ModuleEntry Describe(State state, in Bar bar, PositionSide side)
    {
        var pin = state.Pin;
        var level = state.Level;
        var tip = side == PositionSide.Long ? pin.Low : pin.High;
        var shape = Unit(pin.Nose / (pin.High - pin.Low));
        var strength = Math.Min(level.Touches, 4) / 4.0;
        var proximity = Unit(1.0 - (Math.Abs(level.Price - tip) / (pin.Nose + state.Tolerance)));
        return new(
            string.Create(CultureInfo.InvariantCulture, $"PIN {pin.Bias} pin bar rejecting the level {level.Price:0.########} ({level.Touches} touches), EMA {state.EmaValue:0.########}"),
            (shape + strength + proximity) / 3.0,
            side == PositionSide.Long ? bar.Low : bar.High,
            [
                Meta("level", level.Price),
                Meta("level_touches", level.Touches),
                Meta("ema", state.EmaValue),
                Meta("nose_to_range", shape),
            ]);
    }

    internal sealed class State(PinBarDetector pins, SupportResistanceTracker levels, Ema ema)
    {
        public PinBarDetector Pins { get; } = pins;

        public SupportResistanceTracker Levels { get; } = levels;

        public Ema Ema { get; } = ema;

        public PinBar Pin { get; set; }

        public PriceLevel Level { get; set; }

        public double Tolerance { get; set; }

        public double EmaValue { get; set; }
    }
}
