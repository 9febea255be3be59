namespace Quorum.Data.Resampling;

/// <summary>Options for <see cref="Resampler"/> and <see cref="BarAggregator"/>.</summary>
public sealed record ResampleOptions
{
    /// <summary>The defaults: keep a leading partial bucket (and report it as incomplete).</summary>
    public static ResampleOptions Default { get; } = new();

    /// <summary>
    /// What to do with a leading bucket that opens before the first source bar — for example
    /// 1m data starting at 20:42 aggregated to 1h, whose first bucket (20:00) lacks 20:00–20:41.
    /// <para>
    /// <c>false</c> (the default): the bucket is <b>kept</b>, so that no source bar is silently
    /// discarded and volume is conserved. It is a closed bar (its period has ended) but it is
    /// not complete: its open is the open of the first available constituent (20:42), not of
    /// the hour. <see cref="ResampleResult.FirstBucketIsPartial"/> says so and
    /// <see cref="ResampleResult.ConstituentCounts"/> shows how many constituents it has.
    /// </para>
    /// <para>
    /// <c>true</c>: the bucket is <b>dropped</b>. Use this before comparing with exchange bars
    /// or feeding indicators that must only see whole bars. Buckets that merely have a hole
    /// inside (a gap after their first constituent) are never dropped; only the first bucket
    /// of the run, and only when the data starts after its open time. Each call decides on the
    /// data it is given, so resampling in two steps (1m → 5m → 1h) can drop one more hour than
    /// resampling directly when the data starts mid-bucket and then has a gap.
    /// </para>
    /// </summary>
    public bool DropIncompleteFirstBucket { get; init; }
}
