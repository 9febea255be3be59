using Quorum.Core.Instruments;

namespace Quorum.Strategies.Scoring;

/// <summary>The default news source: no news, ever (every setup gets the full news part).</summary>
public sealed class NoNewsFlags : INewsFlagSource
{
    public static NoNewsFlags Instance { get; } = new();

    public double Severity(Symbol symbol, long timeMs) => 0.0;
}
