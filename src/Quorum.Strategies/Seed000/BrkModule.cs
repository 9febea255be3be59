using System.Globalization;
using Quorum.Core.MarketData;
using Quorum.Core.Trading;
using Quorum.Indicators;
using Quorum.Indicators.Averages;
using Quorum.Indicators.Volatility;

namespace Quorum.Strategies.Seed000;

/// <summary>
/// <c>brk</c> (seed 000 BRK, ATR + EMA breakout): the 15m close breaks out of the band EMA(<c>ema</c>) ±
/// <c>atr_mult</c> × ATR(<c>atr_period</c>, Wilder). LONG when the close is strictly above the upper band after the
/// previous close was at or below the previous upper band (a fresh breakout, not a state); SHORT mirrors it below the
/// lower band. Both bands need the EMA and the ATR ready at the previous bar too.
/// </summary>
/// <remarks>
/// Confidence = 0.5 + 0.5 × clamp((close − band) / ATR): a close just through the band is 0.5, a close one ATR or more
/// beyond it 1. Stop: <c>stop_atr</c> × ATR (a breakout has no structure level behind it but the band).
/// </remarks>
internal sealed class BrkModule : Seed000Module<BrkModule.State>
{
    public const string StrategyName = "brk";

    public BrkModule(StrategyParameters parameters, StrategyUniverse universe)
        : base(Descriptor, parameters, universe)
    {
        EmaPeriod = parameters.GetInt32("ema");
        AtrPeriod = parameters.GetInt32("atr_period");
        AtrMultiple = parameters.Get("atr_mult");
    }

    public static StrategyDescriptor Descriptor { get; } = Seed000Parameters.Describe(
        StrategyName,
        "1.0.0",
        "Seed 000 BRK: the 15m close breaks out of EMA ± k×ATR (fresh cross of the band), with the 1h trend.",
        (parameters, universe) => new BrkModule(parameters, universe),
        new StrategyParameter("ema", "period of the 15m EMA at the band's centre", 20, 2, 500, isInteger: true),
        new StrategyParameter("atr_period", "period of the ATR (Wilder) setting the band's width", 14, 2, 100, isInteger: true),
        new StrategyParameter("atr_mult", "band half-width in ATRs", 1, 0, 5));

    public int EmaPeriod { get; }

    public int AtrPeriod { get; }

    public double AtrMultiple { get; }

    /// <summary>The band is ready at max(ema, atr + 1) bars; a cross needs one more.</summary>
    protected override int ModuleWarmUpBars => Math.Max(EmaPeriod, AtrPeriod + 1) + 1;

    protected override State CreateState() => new(new Ema(EmaPeriod), new Atr(AtrPeriod));

    protected override PositionSide? Detect(State state, in Bar bar, in OhlcvPoint point)
    {
        state.Ema.Update(point.Close);
        state.Atr.Update(point);
        var ready = state.Ema.IsReady && state.Atr.IsReady;
        var upper = ready ? state.Ema.Value + (AtrMultiple * state.Atr.Value) : double.NaN;
        var lower = ready ? state.Ema.Value - (AtrMultiple * state.Atr.Value) : double.NaN;
        PositionSide? side = null;
        if (ready && state.PreviousReady)
        {
            if (point.Close > upper && state.PreviousClose <= state.PreviousUpper)
            {
                side = PositionSide.Long;
            }
            else if (point.Close < lower && state.PreviousClose >= state.PreviousLower)
            {
                side = PositionSide.Short;
            }
        }

        state.PreviousReady = ready;
        state.PreviousClose = point.Close;
        state.PreviousUpper = upper;
        state.PreviousLower = lower;
        return side;
    }

    protected override ModuleEntry Describe(State state, in Bar bar, PositionSide side)
    {
        var atr = state.Atr.Value;
        var band = side == PositionSide.Long ? state.PreviousUpper : state.PreviousLower; // this bar's band (saved by Detect)
        var excess = side == PositionSide.Long ? state.PreviousClose - band : band - state.PreviousClose;
        return new(
            string.Create(CultureInfo.InvariantCulture, $"BRK close {state.PreviousClose:0.########} beyond EMA {state.Ema.Value:0.########} {(side == PositionSide.Long ? "+" : "−")} {AtrMultiple}×ATR {atr:0.########}"),
            0.5 + (0.5 * Unit(atr > 0 ? excess / atr : 1.0)),
            null,
            [
                Meta("ema", state.Ema.Value),
                Meta("atr", atr),
                Meta("band", band),
            ]);
    }

    internal sealed class State(Ema ema, Atr atr)
    {
        public Ema Ema { get; } = ema;

        public Atr Atr { get; } = atr;

        public bool PreviousReady { get; set; }

        public double PreviousClose { get; set; }

        public double PreviousUpper { get; set; }

        public double PreviousLower { get; set; }
    }
}
