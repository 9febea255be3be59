namespace Quorum.Indicators.PriceAction;

/// <summary>
/// A divergence between two consecutive confirmed pivots of the same kind. <see cref="First"/> and
/// <see cref="Second"/> carry the bar indices, times and prices (the bar low for bullish, the high for
/// bearish); <paramref name="FirstOscillator"/> and <paramref name="SecondOscillator"/> are the oscillator
/// values at those bars. It is known at <see cref="ConfirmedAtIndex"/>, when the second pivot is confirmed.
/// </summary>
public readonly record struct Divergence(DivergenceKind Kind, SwingPoint First, SwingPoint Second, double FirstOscillator, double SecondOscillator)
{
    public Bias Bias => Kind is DivergenceKind.RegularBullish or DivergenceKind.HiddenBullish ? Bias.Bullish : Bias.Bearish;

    public bool IsHidden => Kind is DivergenceKind.HiddenBullish or DivergenceKind.HiddenBearish;

    /// <summary>Bars between the two pivots.</summary>
    public long Distance => Second.Index - First.Index;

    /// <summary>The bar at which the divergence became known (the second pivot's confirmation).</summary>
    public long ConfirmedAtIndex => Second.ConfirmedAtIndex;
}
