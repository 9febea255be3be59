using Quorum.Core.Instruments;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Indicators;
using Quorum.Indicators.Volatility;
using Quorum.Strategies.Regimes;
using Quorum.Strategies.Scoring;

namespace Quorum.Strategies.Seed001;

/// <summary>
/// What every seed-001 strategy keeps per symbol for setup scoring and exits: the regime classifier, the setup bar
/// features and ATR(14) on the signal's timeframe, and the trend of its higher timeframe. No allocation per bar.
/// </summary>
internal sealed class SetupContext(Timeframe signalTimeframe, int higherTimeframeEma)
{
    public Seed001RegimeClassifier Regime { get; } = new(signalTimeframe);

    public SetupBarFeatures Bars { get; } = new(signalTimeframe);

    public Atr Atr { get; } = new(14);

    public HigherTimeframeTrend Higher { get; } = new(higherTimeframeEma);

    /// <summary>Signal-timeframe bars before the regime, the bar features and ATR are all ready.</summary>
    public int WarmUpBars => Math.Max(Regime.WarmUpBars, Math.Max(Bars.WarmUpBars, Atr.WarmUpPeriod));

    public bool IsReady => Regime.IsReady && Bars.IsReady && Atr.IsReady;

    /// <summary>A closed bar of the signal's timeframe.</summary>
    public void Update(in OhlcvPoint bar)
    {
        Atr.Update(bar);
        Regime.Update(bar);
        Bars.Update(bar);
    }

    /// <summary>The setup score of a <paramref name="side"/> entry at <paramref name="timeMs"/>.</summary>
    public SetupScore Score(SetupScorer scorer, Symbol symbol, long timeMs, PositionSide side, RegimeFit fit, AlignmentMode mode) =>
        scorer.Score(symbol, timeMs, side, fit, Regime.Label, Bars, Higher.Direction, mode);

    /// <summary>The initial stop <paramref name="multiple"/> × ATR on the losing side of <paramref name="close"/> (null when not a positive price).</summary>
    public decimal? StopPrice(decimal close, double multiple, PositionSide side) => Seed001Setup.StopPrice(close, Atr.Value, multiple, side);

    public void Reset()
    {
        Regime.Reset();
        Bars.Reset();
        Atr.Reset();
        Higher.Reset();
    }
}
