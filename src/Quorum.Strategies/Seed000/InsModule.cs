using System.Globalization;
using Quorum.Core.MarketData;
using Quorum.Core.Trading;
using Quorum.Indicators;
using Quorum.Indicators.PriceAction;

namespace Quorum.Strategies.Seed000;

/// <summary>
/// <c>ins</c> (seed 000 INS, inside-bar breakout): a 15m inside bar (<see cref="InsideBarDetector"/>: high &lt; the
/// mother's high and low &gt; the mother's low) arms a breakout of the mother bar's range for the next <c>max_wait</c>
/// bars. LONG on the first close strictly above the mother's high, SHORT on the first close strictly below its low;
/// after a breakout or <c>max_wait</c> bars without one the setup is gone. In a run of inside bars the outermost mother
/// stays the range and the wait restarts at each inside bar.
/// </summary>
/// <remarks>
/// Confidence = (compression + thrust) / 2: compression = 1 − inside range / mother range (a tight inside bar = a
/// coiled market), thrust = clamp(distance of the close beyond the mother's edge / mother range). Stop: the other side
/// of the mother bar (its low for a long, its high for a short).
/// </remarks>
internal sealed class InsModule : Seed000Module<InsModule.State>
{
    public const string StrategyName = "ins";

    public InsModule(StrategyParameters parameters, StrategyUniverse universe)
        : base(Descriptor, parameters, universe)
    {
        MaxWait = parameters.GetInt32("max_wait");
    }

    public static StrategyDescriptor Descriptor { get; } = Seed000Parameters.Describe(
        StrategyName,
        "1.0.0",
        "Seed 000 INS: a close beyond the mother bar's range within a few 15m bars after an inside bar, with the 1h trend.",
        (parameters, universe) => new InsModule(parameters, universe),
        new StrategyParameter("max_wait", "bars after the inside bar in which a breakout counts", 3, 1, 20, isInteger: true));

    public int MaxWait { get; }

    /// <summary>Mother bar, inside bar, breakout bar.</summary>
    protected override int ModuleWarmUpBars => 3;

    protected override State CreateState() => new(new InsideBarDetector());

    protected override PositionSide? Detect(State state, in Bar bar, in OhlcvPoint point)
    {
        state.Detector.Update(point);
        PositionSide? side = null;
        if (state.Detector.Detected is not null)
        {
            if (!state.Armed)
            {
                state.Armed = true;
                state.MotherHigh = state.PreviousHigh;
                state.MotherLow = state.PreviousLow;
                state.Compression = 1.0 - (double)((bar.High - bar.Low) / (state.PreviousHigh - state.PreviousLow));
            }

            state.Waited = 0;
        }
        else if (state.Armed)
        {
            state.Waited++;
            if (bar.Close > state.MotherHigh)
            {
                side = PositionSide.Long;
            }
            else if (bar.Close < state.MotherLow)
            {
                side = PositionSide.Short;
            }

            if (side is not null || state.Waited >= MaxWait)
            {
                state.Armed = false;
            }
        }

        state.PreviousHigh = bar.High;
        state.PreviousLow = bar.Low;
        return side;
    }

    protected override ModuleEntry Describe(State state, in Bar bar, PositionSide side)
    {
        var range = state.MotherHigh - state.MotherLow;
        var beyond = side == PositionSide.Long ? bar.Close - state.MotherHigh : state.MotherLow - bar.Close;
        var thrust = Unit((double)(beyond / range));
        return new(
            string.Create(CultureInfo.InvariantCulture, $"INS close {bar.Close} broke the mother bar [{state.MotherLow}, {state.MotherHigh}] {state.Waited} bar(s) after the inside bar"),
            (state.Compression + thrust) / 2.0,
            side == PositionSide.Long ? state.MotherLow : state.MotherHigh,
            [
                Meta("mother_high", state.MotherHigh),
                Meta("mother_low", state.MotherLow),
                Meta("compression", state.Compression),
                Meta("bars_after_inside", state.Waited),
            ]);
    }

    internal sealed class State(InsideBarDetector detector)
    {
        public InsideBarDetector Detector { get; } = detector;

        public bool Armed { get; set; }

        public decimal MotherHigh { get; set; }

        public decimal MotherLow { get; set; }

        public double Compression { get; set; }

        public int Waited { get; set; }

        public decimal PreviousHigh { get; set; }

        public decimal PreviousLow { get; set; }
    }
}
