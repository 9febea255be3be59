namespace Quorum.Research.Reports;

/// <summary>A table of already formatted cells for the HTML report (caption, header, rows).</summary>
internal sealed record ReportTable(string Caption, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);
