namespace Quorum.Research.Reports;

/// <summary>An entry or exit drawn on a candlestick chart at <see cref="TimeMs"/> (the fill time).</summary>
internal readonly record struct ReportMarker(long TimeMs, bool IsEntry, bool IsBuy, double Price, string Text);
