namespace Quorum.Indicators;

/// <summary>An indicator of one input series (close by default) with one main output.</summary>
public interface IPriceIndicator : IIndicator
{
    /// <summary>The main output; NaN during warm-up.</summary>
    double Value { get; }

    /// <summary>Consumes one value of the input series.</summary>
    void Update(double input);
}
