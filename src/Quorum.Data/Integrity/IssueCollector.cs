namespace Quorum.Data.Integrity;

/// <summary>Keeps up to a limit of issues and gaps in full and counts all of them.</summary>
internal sealed class IssueCollector(int maxIssues)
{
    private readonly int[] _counts = new int[Enum.GetValues<IntegrityIssueKind>().Length];

    public List<IntegrityIssue> Issues { get; } = [];

    public List<BarGap> Gaps { get; } = [];

    public long GapCount { get; private set; }

    public long MissingBarCount { get; private set; }

    public int TotalIssues { get; private set; }

    public IReadOnlyList<int> Counts => _counts;

    public bool IsFull => Issues.Count >= maxIssues;

    /// <summary>Counts an issue; the message is built only if the issue is kept.</summary>
    public void Add<TState>(IntegrityIssueKind kind, int? index, long? openTimeMs, TState state, Func<TState, string> message)
    {
        _counts[(int)kind]++;
        TotalIssues++;
        if (Issues.Count < maxIssues)
        {
            var severity = kind == IntegrityIssueKind.Gap ? IntegritySeverity.Warning : IntegritySeverity.Error;
            Issues.Add(new IntegrityIssue(kind, severity, index, openTimeMs, message(state)));
        }
    }

    public void AddGap(long firstMissingMs, long lastMissingMs, long timeframeMs, int nextIndex, long nextOpenTimeMs)
    {
        var missing = ((lastMissingMs - firstMissingMs) / timeframeMs) + 1;
        GapCount++;
        MissingBarCount += missing;
        var gap = new BarGap(firstMissingMs, lastMissingMs, missing, nextIndex);
        if (Gaps.Count < maxIssues)
        {
            Gaps.Add(gap);
        }

        Add(IntegrityIssueKind.Gap, nextIndex, nextOpenTimeMs, gap, static g => g.ToString());
    }

    /// <summary>Forgets all gaps (they are recomputed from sorted times when rows are out of order).</summary>
    public void ClearGaps()
    {
        Issues.RemoveAll(i => i.Kind == IntegrityIssueKind.Gap);
        TotalIssues -= _counts[(int)IntegrityIssueKind.Gap];
        _counts[(int)IntegrityIssueKind.Gap] = 0;
        Gaps.Clear();
        GapCount = 0;
        MissingBarCount = 0;
    }
}
