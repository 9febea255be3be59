using Quorum.Research.Statistics;

namespace Quorum.Research.Reports;

/// <summary>One column of a summary table: its header and how a <see cref="PerformanceSummary"/> is shown in it.</summary>
public sealed record SummaryColumn(string Header, Func<PerformanceSummary, string> Format);
