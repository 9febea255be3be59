namespace Quorum.Indicators.PriceAction;

/// <summary>
/// A streaming price-action detector: fed closed bars one at a time, in increasing time order, it
/// reports what the bars up to and including the last one establish, never anything that needs a
/// later bar (no look-ahead). Each detector exposes the events of the last <see cref="Update"/> and,
/// where it keeps state (levels, open gaps), that state as immutable values. Updates are O(1) or
/// O(window) and do not allocate.
/// </summary>
public interface IPriceActionDetector
{
    /// <summary>Name with parameters, e.g. <c>swings_5_5</c>; used in error messages.</summary>
    string Name { get; }

    /// <summary>Bars consumed since construction or the last <see cref="Reset"/>; the last bar has index <c>Samples - 1</c>.</summary>
    long Samples { get; }

    /// <summary>
    /// Consumes one closed bar. Throws on a non-finite field, on an inconsistent bar
    /// (low ≤ open, close ≤ high must hold) and on a time that does not increase.
    /// </summary>
    void Update(in OhlcvPoint bar);

    /// <summary>Forgets all bars and events.</summary>
    void Reset();
}
