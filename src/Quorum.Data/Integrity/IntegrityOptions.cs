namespace Quorum.Data.Integrity;

/// <summary>Options for <see cref="IntegrityChecker.Check"/>.</summary>
public sealed record IntegrityOptions
{
    /// <summary>The defaults.</summary>
    public static IntegrityOptions Default { get; } = new();

    /// <summary>
    /// How many issues (and gaps) the report keeps in full (default 1,000). Counts are always
    /// complete; issues beyond the limit are only counted (<see cref="IntegrityReport.OmittedIssueCount"/>),
    /// so a badly broken million-row file still gives a small report.
    /// </summary>
    public int MaxIssues { get; init; } = 1000;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a value is out of range.</summary>
    public void Validate()
    {
        if (MaxIssues < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxIssues), MaxIssues, $"IntegrityOptions.MaxIssues = {MaxIssues} is out of range (≥ 1)");
        }
    }
}
