namespace Quorum.Research.Reports;

/// <summary>
/// Everything <see cref="HtmlReportWriter"/> draws: run facts, summary tables, the equity curve
/// (UTC ms times, equity in the quote asset), one candlestick chart per symbol and the trade table.
/// </summary>
internal sealed record HtmlReportModel(
    string Title,
    IReadOnlyList<KeyValuePair<string, string>> RunFacts,
    IReadOnlyList<ReportTable> SummaryTables,
    ReadOnlyMemory<long> EquityTimesMs,
    ReadOnlyMemory<decimal> Equity,
    IReadOnlyList<CandleChart> Charts,
    ReportTable Trades);
