using System.Runtime.CompilerServices;

namespace Quorum.Indicators.Volume;

/// <summary>A negative volume is a bug in the data: volume-weighted indicators reject it, naming the sample.</summary>
internal static class VolumeCheck
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void NotNegative(double volume, string indicator, long sample)
    {
        if (volume < 0)
        {
            Throw(volume, indicator, sample);
        }
    }

    public static void NotNegative(ReadOnlySpan<double> volume, string indicator)
    {
        for (var i = 0; i < volume.Length; i++)
        {
            NotNegative(volume[i], indicator, i + 1);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Throw(double volume, string indicator, long sample) =>
        throw new ArgumentOutOfRangeException(nameof(volume), volume, $"{indicator}: volume #{sample} is {volume}; volumes must be ≥ 0");
}
