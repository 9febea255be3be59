using System.Runtime.CompilerServices;

namespace Quorum.Indicators.PriceAction;

/// <summary>
/// Counts the bars a detector consumes and rejects bad ones: a non-finite field, a bar whose
/// open or close lies outside [low, high], a time that does not increase.
/// </summary>
internal sealed class BarSequence(string detector)
{
    private long _lastTimeMs;

    public long Samples { get; private set; }

    /// <summary>Validates <paramref name="bar"/> and returns its 0-based index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Accept(in OhlcvPoint bar)
    {
        var sample = Samples + 1;
        IndicatorGuard.Finite(bar, detector, sample);
        if (!(bar.Low <= bar.Open && bar.Low <= bar.Close && bar.High >= bar.Open && bar.High >= bar.Close))
        {
            ThrowInconsistent(bar, detector, sample);
        }

        if (Samples > 0 && bar.TimeMs <= _lastTimeMs)
        {
            ThrowTimeOrder(bar, detector, sample, _lastTimeMs);
        }

        _lastTimeMs = bar.TimeMs;
        Samples = sample;
        return sample - 1;
    }

    public void Reset()
    {
        Samples = 0;
        _lastTimeMs = 0;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowInconsistent(in OhlcvPoint bar, string detector, long sample) =>
        throw new ArgumentOutOfRangeException(
            nameof(bar), bar, $"{detector}: bar #{sample} at {bar.TimeMs} is inconsistent ({bar}); a bar must satisfy low ≤ open ≤ high and low ≤ close ≤ high");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowTimeOrder(in OhlcvPoint bar, string detector, long sample, long previous) =>
        throw new ArgumentOutOfRangeException(
            nameof(bar), bar, $"{detector}: bar #{sample} at {bar.TimeMs} is not after the previous bar at {previous}; bars must be fed in increasing time order");
}
