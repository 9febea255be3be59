using Quorum.Core.MarketData;

namespace Quorum.Data.Resampling;

/// <summary>
/// The outcome of <see cref="Resampler.ResampleWithDetails"/>: the resampled series plus, for
/// every bar, how many source bars it was made of.
/// </summary>
public sealed class ResampleResult
{
    private readonly int[] _constituentCounts;

    internal ResampleResult(BarSeries series, int[] constituentCounts, int expectedConstituentCount, bool firstBucketIsPartial)
    {
        Series = series;
        _constituentCounts = constituentCounts;
        ExpectedConstituentCount = expectedConstituentCount;
        FirstBucketIsPartial = firstBucketIsPartial;
    }

    /// <summary>The resampled bars.</summary>
    public BarSeries Series { get; }

    /// <summary>Number of source bars in a complete bucket (e.g. 60 for 1m → 1h).</summary>
    public int ExpectedConstituentCount { get; }

    /// <summary>Number of source bars aggregated into each bar of <see cref="Series"/>.</summary>
    public IReadOnlyList<int> ConstituentCounts => _constituentCounts;

    /// <summary>
    /// True when the first bar was kept although its bucket opens before the first source bar
    /// (see <see cref="ResampleOptions.DropIncompleteFirstBucket"/>).
    /// </summary>
    public bool FirstBucketIsPartial { get; }

    /// <summary>Number of bars made of fewer source bars than a complete bucket.</summary>
    public int IncompleteCount => _constituentCounts.Count(c => c < ExpectedConstituentCount);

    /// <summary>True when bar <paramref name="index"/> of <see cref="Series"/> has all its source bars.</summary>
    public bool IsComplete(int index) => _constituentCounts[index] == ExpectedConstituentCount;
}
