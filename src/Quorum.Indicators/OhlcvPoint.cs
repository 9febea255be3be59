using Quorum.Core.MarketData;

namespace Quorum.Indicators;

/// <summary>
/// One bar as indicators see it: <see cref="double"/> prices. This is the one place where exact
/// <see cref="decimal"/> market data becomes indicator math (DESIGN principle 8).
/// </summary>
public readonly record struct OhlcvPoint(long TimeMs, double Open, double High, double Low, double Close, double Volume)
{
    /// <summary>Converts a bar (decimal) to indicator input (double).</summary>
    public static OhlcvPoint From(in Bar bar) =>
        new(bar.OpenTimeMs, (double)bar.Open, (double)bar.High, (double)bar.Low, (double)bar.Close, (double)bar.Volume);

    /// <summary>The value of <paramref name="source"/> for this bar.</summary>
    public double Get(PriceSource source) => source switch
    {
        PriceSource.Close => Close,
        PriceSource.Open => Open,
        PriceSource.High => High,
        PriceSource.Low => Low,
        PriceSource.Volume => Volume,
        PriceSource.Median => (High + Low) / 2.0,
        PriceSource.Typical => (High + Low + Close) / 3.0,
        PriceSource.Average => (Open + High + Low + Close) / 4.0,
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "unknown price source"),
    };
}
