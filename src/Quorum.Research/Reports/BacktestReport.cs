using Quorum.Data;
using Quorum.Research.Backtest;

namespace Quorum.Research.Reports;

/// <summary>Writes the three outputs of <c>quorum backtest</c> into a folder: result.json, trades.csv and report.html (each replaced atomically).</summary>
public static class BacktestReport
{
    public const string ResultFile = "result.json";

    public const string TradesFile = "trades.csv";

    public const string HtmlFile = "report.html";

    /// <summary>Writes the files into <paramref name="directory"/> (created when missing) and returns their full paths.</summary>
    public static IReadOnlyList<string> WriteAll(BacktestResult result, string directory)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var root = Path.GetFullPath(directory);
        Directory.CreateDirectory(root);
        var json = Path.Combine(root, ResultFile);
        var csv = Path.Combine(root, TradesFile);
        var html = Path.Combine(root, HtmlFile);
        AtomicFile.WriteAllText(json, ResultJsonWriter.Write(result));
        AtomicFile.WriteAllText(csv, TradesCsvWriter.Write(result.Trades));
        AtomicFile.WriteAllText(html, RenderHtml(result));
        return [json, csv, html];
    }

    /// <summary>The HTML report of <paramref name="result"/>.</summary>
    public static string RenderHtml(BacktestResult result) => HtmlReportWriter.Render(HtmlReportModelBuilder.Build(result));
}
