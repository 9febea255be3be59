using Quorum.Core.Time;
using Quorum.Indicators;

namespace Quorum.Strategies.Seed001;

/// <summary>
/// The per-symbol state every seed-001 strategy starts from: the <see cref="SetupContext"/> of its signal timeframe.
/// A strategy's own state adds its indicators and overrides <see cref="Reset"/> (calling this one).
/// </summary>
internal abstract class Seed001SymbolState(Timeframe signalTimeframe, int higherTimeframeEma)
{
    /// <summary>Regime, setup bar features and ATR on the signal timeframe, and the higher timeframe's trend.</summary>
    public SetupContext Setup { get; } = new(signalTimeframe, higherTimeframeEma);

    /// <summary>A closed bar of the strategy's other (context) timeframe; by default it feeds the higher timeframe's trend.</summary>
    public virtual void OnContextBar(in OhlcvPoint bar) => Setup.Higher.Update(bar.Close);

    public virtual void Reset() => Setup.Reset();
}
