namespace Quorum.Indicators.PriceAction;

/// <summary>Proportions of a pin bar (<see cref="PinBarDetector"/>).</summary>
public sealed record PinBarOptions
{
    /// <summary>The nose must be at least this many bodies long (finite, &gt; 0; default 2).</summary>
    public double MinNoseToBody { get; init; } = 2.0;

    /// <summary>The opposite wick may be at most this fraction of the nose (0 ≤ x &lt; 1, default 0.25); below 1 a bar can never be both bullish and bearish.</summary>
    public double MaxOppositeWickToNose { get; init; } = 0.25;

    /// <summary>Throws when a parameter is out of range, naming it, its value and what is allowed.</summary>
    public PinBarOptions Validate(string detector = "pin_bar")
    {
        OptionGuard.Range(MinNoseToBody, detector, nameof(MinNoseToBody), 0, false, double.PositiveInfinity, false);
        OptionGuard.Range(MaxOppositeWickToNose, detector, nameof(MaxOppositeWickToNose), 0, true, 1, false);
        return this;
    }
}
