namespace Quorum.Data.Integrity;

/// <summary>One finding of the <see cref="IntegrityChecker"/>.</summary>
/// <param name="Kind">What was found.</param>
/// <param name="Severity"><see cref="IntegritySeverity.Warning"/> for gaps, <see cref="IntegritySeverity.Error"/> for everything else.</param>
/// <param name="Index">Index of the offending bar (for a gap: the first bar after it); null for series-wide findings.</param>
/// <param name="OpenTimeMs">Open time of the bar at <paramref name="Index"/>; null for series-wide findings.</param>
/// <param name="Message">Human-readable description naming the bar, the values and what is allowed.</param>
public sealed record IntegrityIssue(
    IntegrityIssueKind Kind,
    IntegritySeverity Severity,
    int? Index,
    long? OpenTimeMs,
    string Message)
{
    public override string ToString() => Message;
}
