namespace Quorum.Strategies.Regimes;

/// <summary>Labels shared by every regime classifier.</summary>
public static class RegimeClassifierLabels
{
    /// <summary>The label of a classifier that has not seen enough bars to classify (warm-up).</summary>
    public const string Unknown = "unknown";
}
