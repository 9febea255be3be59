namespace Quorum.Execution.Engine;

/// <summary>How far a replay has come: <see cref="Processed"/> of <see cref="Total"/> events, engine time <see cref="CurrentTimeMs"/> (UTC ms).</summary>
public readonly record struct ReplayProgress(long Processed, long Total, long CurrentTimeMs)
{
    /// <summary>Processed / total in [0, 1] (1 for an empty replay).</summary>
    public double Fraction => Total == 0 ? 1.0 : (double)Processed / Total;
}
