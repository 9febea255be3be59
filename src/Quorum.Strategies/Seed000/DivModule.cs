using System.Globalization;
using Quorum.Core.MarketData;
using Quorum.Core.Trading;
using Quorum.Indicators;
using Quorum.Indicators.Oscillators;
using Quorum.Indicators.PriceAction;

namespace Quorum.Strategies.Seed000;

/// <summary>
/// <c>div</c> (seed 000 DIV, RSI divergence): a regular divergence between the 15m price pivots and RSI, found by
/// <see cref="DivergenceDetector"/> (pivots with <c>pivot_bars</c> bars each side, 5 to <c>max_pivot_distance</c> bars apart).
/// LONG on a regular bullish divergence (price lower low, RSI higher low) whose lower RSI low is ≤ <c>oversold</c>;
/// SHORT on a regular bearish one (price higher high, RSI lower high) whose higher RSI high is ≥ <c>overbought</c>.
/// The signal comes on the bar that confirms the second pivot. With <c>hidden</c> = 1 hidden divergences are traded too,
/// as trend continuations: LONG on a hidden bullish one (price higher low, RSI lower low), SHORT on a hidden bearish one
/// (price lower high, RSI higher high), under the same RSI zone filters.
/// </summary>
/// <remarks>
/// Confidence = (depth + spread) / 2 with depth = clamp((50 − lower RSI low) / 50) for a long (clamp((higher RSI high −
/// 50) / 50) for a short: how far into oversold/overbought the RSI went) and spread = clamp(|RSI₂ − RSI₁| / 10) (how
/// strongly the RSI disagrees with price, 10 RSI points or more = 1; the absolute difference, so hidden ones count too). Stop: the second pivot's price (below a long,
/// above a short).
/// </remarks>
internal sealed class DivModule : Seed000Module<DivModule.State>
{
    public const string StrategyName = "div";

    private readonly DivergenceOptions _options;

    public DivModule(StrategyParameters parameters, StrategyUniverse universe)
        : base(Descriptor, parameters, universe)
    {
        RsiPeriod = parameters.GetInt32("rsi_period");
        TradesHidden = parameters.GetInt32("hidden") == 1;
        var pivotBars = parameters.GetInt32("pivot_bars");
        _options = new DivergenceOptions
        {
            LeftBars = pivotBars,
            RightBars = pivotBars,
            MinBarsBetweenPivots = 5,
            MaxBarsBetweenPivots = parameters.GetInt32("max_pivot_distance"),
            BullishOscillatorCeiling = parameters.Get("oversold"),
            BearishOscillatorFloor = parameters.Get("overbought"),
        }.Validate(StrategyName);
    }

    public static StrategyDescriptor Descriptor { get; } = Seed000Parameters.Describe(
        StrategyName,
        "1.0.0",
        "Seed 000 DIV: regular RSI divergence at 15m pivots (long at an oversold higher RSI low, short at an overbought lower RSI high; hidden ones with hidden=1), with the 1h trend.",
        (parameters, universe) => new DivModule(parameters, universe),
        new StrategyParameter("rsi_period", "RSI period (15m bars)", 14, 2, 100, isInteger: true),
        new StrategyParameter("pivot_bars", "bars each side of a price pivot; the signal comes this many bars after the second pivot", 3, 1, 20, isInteger: true),
        new StrategyParameter("max_pivot_distance", "most bars between the two pivots compared", 60, 5, 500, isInteger: true),
        new StrategyParameter("oversold", "a bullish divergence needs its lower RSI low at or below this", 40, 5, 50),
        new StrategyParameter("overbought", "a bearish divergence needs its higher RSI high at or above this", 60, 50, 95),
        new StrategyParameter("hidden", "1: also trade hidden divergences (trend continuation); 0: regular ones only", 0, 0, 1, isInteger: true));

    public int RsiPeriod { get; }

    /// <summary>Whether hidden divergences are traded as well as regular ones.</summary>
    public bool TradesHidden { get; }

    /// <summary>RSI's first value (period + 1 bars), two pivots at least 5 bars apart and the confirming bars.</summary>
    protected override int ModuleWarmUpBars => RsiPeriod + 1 + 5 + (2 * _options.RightBars);

    protected override State CreateState() => new(new DivergenceDetector(new Rsi(RsiPeriod), _options));

    protected override PositionSide? Detect(State state, in Bar bar, in OhlcvPoint point)
    {
        state.Detector.Update(point);
        var found = state.Detector.Detected;
        PositionSide? side = null;
        for (var i = 0; i < found.Count; i++)
        {
            var divergence = found[i];
            if (divergence.IsHidden && !TradesHidden)
            {
                continue;
            }

            var candidate = divergence.Bias == Bias.Bullish ? PositionSide.Long : PositionSide.Short;
            if (side is not null && side != candidate)
            {
                return null; // one bar confirmed a bullish and a bearish divergence: no direction
            }

            side = candidate;
            state.Last = divergence;
        }

        return side;
    }

    protected override ModuleEntry Describe(State state, in Bar bar, PositionSide side)
    {
        var d = state.Last;
        var (depth, spread) = side == PositionSide.Long
            ? (Unit((50.0 - Math.Min(d.FirstOscillator, d.SecondOscillator)) / 50.0), Unit(Math.Abs(d.SecondOscillator - d.FirstOscillator) / 10.0))
            : (Unit((Math.Max(d.FirstOscillator, d.SecondOscillator) - 50.0) / 50.0), Unit(Math.Abs(d.FirstOscillator - d.SecondOscillator) / 10.0));
        return new(
            string.Create(CultureInfo.InvariantCulture, $"DIV {d.Kind}: price {d.First.Price} → {d.Second.Price}, RSI {d.FirstOscillator:0.##} → {d.SecondOscillator:0.##}"),
            (depth + spread) / 2.0,
            (decimal)d.Second.Price,
            [
                Meta("divergence", d.Kind.ToString()),
                Meta("rsi_first", d.FirstOscillator),
                Meta("rsi_second", d.SecondOscillator),
                Meta("pivot_first_time_ms", d.First.TimeMs),
                Meta("pivot_second_time_ms", d.Second.TimeMs),
            ]);
    }

    internal sealed class State(DivergenceDetector detector)
    {
        public DivergenceDetector Detector { get; } = detector;

        public Divergence Last { get; set; }
    }
}
