using Quorum.Indicators.Statistics;

namespace Quorum.Indicators.Volatility;

/// <summary>Checks of high/low/close batch inputs: equal lengths, an output as long, every value finite.</summary>
internal static class Bars
{
    public static void Check(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int outputLength, string indicator, string output = "output")
    {
        SeriesCheck.SameLength(high.Length, low.Length, indicator, nameof(low));
        SeriesCheck.SameLength(high.Length, close.Length, indicator, nameof(close));
        IndicatorGuard.Lengths(high.Length, outputLength, indicator, output);
        SeriesCheck.Finite(high, indicator, nameof(high));
        SeriesCheck.Finite(low, indicator, nameof(low));
        SeriesCheck.Finite(close, indicator, nameof(close));
    }

    public static void Check(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output, string indicator) =>
        Check(high, low, close, output.Length, indicator);
}
