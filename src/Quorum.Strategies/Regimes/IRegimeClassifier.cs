using Quorum.Indicators;

namespace Quorum.Strategies.Regimes;

/// <summary>
/// A streaming market-regime classifier (DESIGN §6): it consumes closed bars of one (symbol, timeframe) and labels
/// the market after each. Seed 001's labels come from <see cref="Seed001RegimeClassifier"/>; seed 003's label set
/// will implement the same interface. Hysteresis, <c>min_bars_hold</c> and enable_map belong to the brain that drives
/// a classifier, not to the classifier.
/// </summary>
public interface IRegimeClassifier
{
    /// <summary>Every label the classifier can give, <see cref="RegimeClassifierLabels.Unknown"/> excluded.</summary>
    IReadOnlyList<string> Labels { get; }

    /// <summary>The label after the last bar; <see cref="RegimeClassifierLabels.Unknown"/> until <see cref="IsReady"/>.</summary>
    string Label { get; }

    /// <summary>True once every feature the labels need is defined.</summary>
    bool IsReady { get; }

    /// <summary>Closed bars consumed since construction or the last <see cref="Reset"/>.</summary>
    long Samples { get; }

    /// <summary>Consumes one closed bar and updates <see cref="Label"/>.</summary>
    void Update(in OhlcvPoint bar);

    /// <summary>Forgets every bar.</summary>
    void Reset();
}
