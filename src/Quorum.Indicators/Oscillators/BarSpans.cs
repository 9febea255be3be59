using System.Runtime.CompilerServices;
using Quorum.Indicators.Averages;

namespace Quorum.Indicators.Oscillators;

/// <summary>Input checks of the indicators that read a bar's high, low and close.</summary>
internal static class BarSpans
{
    /// <summary>Rejects high/low/close spans of different lengths or holding a non-finite value.</summary>
    public static void Require(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, string indicator)
    {
        if (high.Length != close.Length || low.Length != close.Length)
        {
            throw new ArgumentException($"{indicator}: high, low and close spans differ in length ({high.Length}, {low.Length}, {close.Length})", nameof(high));
        }

        FiniteScan.Require(high, $"{indicator} high");
        FiniteScan.Require(low, $"{indicator} low");
        FiniteScan.Require(close, $"{indicator} close");
    }

    /// <summary>Rejects a non-finite high, low or close of sample <paramref name="sample"/> (1-based); the message is built only on failure.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RequireFinite(double high, double low, double close, string indicator, long sample)
    {
        if (!double.IsFinite(high) || !double.IsFinite(low) || !double.IsFinite(close))
        {
            Throw(high, low, close, indicator, sample);
        }
    }

    private static void Throw(double high, double low, double close, string indicator, long sample)
    {
        var (field, value) = !double.IsFinite(high) ? ("high", high) : !double.IsFinite(low) ? ("low", low) : ("close", close);
        IndicatorGuard.Finite(value, $"{indicator} {field}", sample);
    }
}
