using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;

namespace Quorum.Data.Integrity;

/// <summary>
/// The result of <see cref="IntegrityChecker.Check"/>: a summary of the series, every issue
/// (up to <see cref="IntegrityOptions.MaxIssues"/>, counts always complete) and the gaps.
/// </summary>
public sealed class IntegrityReport
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly Dictionary<IntegrityIssueKind, int> _issueCounts;

    internal IntegrityReport(BarSeries series, IReadOnlyList<IntegrityIssue> issues, IssueCollector collector)
    {
        Symbol = series.Symbol;
        Timeframe = series.Timeframe;
        BarCount = series.Count;
        FirstOpenTimeMs = series.IsEmpty ? null : series[0].OpenTimeMs;
        LastOpenTimeMs = series.IsEmpty ? null : series[^1].OpenTimeMs;
        Issues = issues;
        Gaps = collector.Gaps;
        GapCount = collector.GapCount;
        MissingBarCount = collector.MissingBarCount;
        TotalIssueCount = collector.TotalIssues;
        _issueCounts = [];
        for (var kind = 0; kind < collector.Counts.Count; kind++)
        {
            if (collector.Counts[kind] > 0)
            {
                _issueCounts[(IntegrityIssueKind)kind] = collector.Counts[kind];
            }
        }
    }

    public Symbol Symbol { get; }

    public Timeframe Timeframe { get; }

    public int BarCount { get; }

    /// <summary>Open time of the first row (UTC ms), null when the series is empty.</summary>
    public long? FirstOpenTimeMs { get; }

    /// <summary>Open time of the last row (UTC ms), null when the series is empty.</summary>
    public long? LastOpenTimeMs { get; }

    /// <summary>The issues, gaps included, in row order (up to <see cref="IntegrityOptions.MaxIssues"/>).</summary>
    public IReadOnlyList<IntegrityIssue> Issues { get; }

    /// <summary>The gaps, in time order (up to <see cref="IntegrityOptions.MaxIssues"/>).</summary>
    public IReadOnlyList<BarGap> Gaps { get; }

    /// <summary>Number of gaps, including any not listed in <see cref="Gaps"/>.</summary>
    public long GapCount { get; }

    /// <summary>Total number of missing bars over all gaps.</summary>
    public long MissingBarCount { get; }

    /// <summary>Number of issues of each kind found (complete even when <see cref="Issues"/> is truncated).</summary>
    public IReadOnlyDictionary<IntegrityIssueKind, int> IssueCounts => _issueCounts;

    /// <summary>Number of issues found in total, gaps included.</summary>
    public int TotalIssueCount { get; }

    /// <summary>Issues found but not listed because of <see cref="IntegrityOptions.MaxIssues"/>.</summary>
    public int OmittedIssueCount => TotalIssueCount - Issues.Count;

    /// <summary>Number of error issues (everything but gaps).</summary>
    public int ErrorCount => TotalIssueCount - _issueCounts.GetValueOrDefault(IntegrityIssueKind.Gap);

    /// <summary>No gaps and no errors.</summary>
    public bool IsClean => TotalIssueCount == 0;

    /// <summary>Anything besides gaps was found.</summary>
    public bool HasErrors => ErrorCount > 0;

    /// <summary>
    /// A summary line, then one line per listed gap or issue, e.g.
    /// <c>  warning gap: 2021-04-25 04:05 → 08:40 UTC (56 bars missing)</c>.
    /// </summary>
    public string ToText()
    {
        var text = new StringBuilder();
        text.Append(Symbol).Append(' ').Append(Timeframe).Append(": ")
            .Append(BarCount.ToString("N0", CultureInfo.InvariantCulture)).Append(BarCount == 1 ? " bar" : " bars");
        if (FirstOpenTimeMs is { } first && LastOpenTimeMs is { } last)
        {
            text.Append(", ").Append(TimeText.Utc(first)).Append(" → ").Append(TimeText.Utc(last)).Append(" UTC");
        }

        text.Append(": ");
        if (IsClean)
        {
            text.Append("clean");
        }
        else
        {
            text.Append(Plural(GapCount, "gap"));
            if (GapCount > 0)
            {
                text.Append(" (").Append(Plural(MissingBarCount, "bar")).Append(" missing)");
            }

            text.Append(", ").Append(ErrorCount == 0 ? "no errors" : Plural(ErrorCount, "error"));
            if (ErrorCount > 0)
            {
                text.Append(" (")
                    .AppendJoin(", ", _issueCounts.Where(p => p.Key != IntegrityIssueKind.Gap).OrderBy(p => p.Key)
                        .Select(p => $"{Label(p.Key)} {p.Value.ToString("N0", CultureInfo.InvariantCulture)}"))
                    .Append(')');
            }
        }

        text.Append('\n');
        foreach (var issue in Issues)
        {
            text.Append("  ").Append(issue.Severity == IntegritySeverity.Warning ? "warning " : "error ")
                .Append(Label(issue.Kind)).Append(": ").Append(issue.Message).Append('\n');
        }

        if (OmittedIssueCount > 0)
        {
            text.Append("  … and ").Append(Plural(OmittedIssueCount, "more issue"))
                .Append(" not listed (raise IntegrityOptions.MaxIssues to see them)\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// The report as indented JSON with stable camelCase field names: <c>symbol, timeframe,
    /// barCount, first, firstOpenTimeMs, last, lastOpenTimeMs, isClean, hasErrors, gapCount,
    /// missingBarCount, errorCount, totalIssueCount, omittedIssueCount, issueCounts{kind: n},
    /// gaps[{firstMissing, firstMissingOpenTimeMs, lastMissing, lastMissingOpenTimeMs,
    /// missingBarCount, nextBarIndex}], issues[{kind, severity, index, openTime, openTimeMs, message}]</c>.
    /// Times are ISO 8601 UTC strings next to their millisecond values; kinds and severities
    /// are camelCase names (<c>gap</c>, <c>outOfOrder</c>, <c>warning</c>, <c>error</c>).
    /// </summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("symbol", Symbol.ToString());
            json.WriteString("timeframe", Timeframe.Name);
            json.WriteNumber("barCount", BarCount);
            WriteTime(json, "first", "firstOpenTimeMs", FirstOpenTimeMs);
            WriteTime(json, "last", "lastOpenTimeMs", LastOpenTimeMs);
            json.WriteBoolean("isClean", IsClean);
            json.WriteBoolean("hasErrors", HasErrors);
            json.WriteNumber("gapCount", GapCount);
            json.WriteNumber("missingBarCount", MissingBarCount);
            json.WriteNumber("errorCount", ErrorCount);
            json.WriteNumber("totalIssueCount", TotalIssueCount);
            json.WriteNumber("omittedIssueCount", OmittedIssueCount);

            json.WriteStartObject("issueCounts");
            foreach (var (kind, count) in _issueCounts.OrderBy(p => p.Key))
            {
                json.WriteNumber(Name(kind), count);
            }

            json.WriteEndObject();

            json.WriteStartArray("gaps");
            foreach (var gap in Gaps)
            {
                json.WriteStartObject();
                WriteTime(json, "firstMissing", "firstMissingOpenTimeMs", gap.FirstMissingOpenTimeMs);
                WriteTime(json, "lastMissing", "lastMissingOpenTimeMs", gap.LastMissingOpenTimeMs);
                json.WriteNumber("missingBarCount", gap.MissingBarCount);
                json.WriteNumber("nextBarIndex", gap.NextBarIndex);
                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartArray("issues");
            foreach (var issue in Issues)
            {
                json.WriteStartObject();
                json.WriteString("kind", Name(issue.Kind));
                json.WriteString("severity", issue.Severity == IntegritySeverity.Warning ? "warning" : "error");
                if (issue.Index is { } index)
                {
                    json.WriteNumber("index", index);
                }
                else
                {
                    json.WriteNull("index");
                }

                WriteTime(json, "openTime", "openTimeMs", issue.OpenTimeMs);
                json.WriteString("message", issue.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public override string ToString() => ToText();

    /// <summary>JSON name of a kind: <c>gap</c>, <c>outOfOrder</c>, …</summary>
    internal static string Name(IntegrityIssueKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    /// <summary>Text label of a kind: <c>gap</c>, <c>out-of-order</c>, …</summary>
    internal static string Label(IntegrityIssueKind kind) => JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());

    private static string Plural(long count, string noun) =>
        $"{count.ToString("N0", CultureInfo.InvariantCulture)} {noun}{(count == 1 ? string.Empty : "s")}";

    /// <summary>Writes a time as ISO 8601 text under <paramref name="textName"/> and as UTC ms under <paramref name="msName"/>.</summary>
    private static void WriteTime(Utf8JsonWriter json, string textName, string msName, long? timestampMs)
    {
        if (timestampMs is { } ms)
        {
            json.WriteString(textName, TimeText.Iso(ms));
            json.WriteNumber(msName, ms);
        }
        else
        {
            json.WriteNull(textName);
            json.WriteNull(msName);
        }
    }
}
