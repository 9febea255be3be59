using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Quorum.Research.Reports;

/// <summary>
/// Writes the self-contained HTML backtest report: summary tables, equity and drawdown curves, a
/// candlestick chart per symbol with entry/exit markers, and the trade table. The chart library
/// (<see cref="ChartLibrary"/>) and all data are inlined, so the file opens offline. Chart data is a JSON
/// block (<c>&lt;script type="application/json" id="report-data"&gt;</c>, HTML-sensitive characters
/// escaped); times are UTC seconds. The page sets <c>data-render="ok"</c> on &lt;body&gt; when every chart
/// was drawn and lists script errors in <c>#errors</c>.
/// </summary>
internal static class HtmlReportWriter
{
    public static string Render(HtmlReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var html = new StringBuilder(ChartLibrary.Script.Length + 64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(model.Title)).Append("</title>\n")
            .Append("<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n")
            .Append("<h1>").Append(Encode(model.Title)).Append("</h1>\n")
            .Append("<div id=\"errors\"></div>\n");

        html.Append("<section id=\"run\"><h2>Run</h2>\n<table class=\"facts\">\n");
        foreach (var (key, value) in model.RunFacts)
        {
            html.Append("<tr><th>").Append(Encode(key)).Append("</th><td>").Append(Encode(value)).Append("</td></tr>\n");
        }

        html.Append("</table></section>\n<section id=\"summary\"><h2>Summary</h2>\n");
        foreach (var table in model.SummaryTables)
        {
            AppendTable(html, table, "summary");
        }

        html.Append("</section>\n<section id=\"curves\"><h2>Equity</h2><div id=\"equity\" class=\"chart\"></div>\n")
            .Append("<h2>Drawdown (%)</h2><div id=\"drawdown\" class=\"chart small\"></div></section>\n")
            .Append("<section id=\"markets\"><h2>Prices, entries and exits</h2>\n");
        for (var i = 0; i < model.Charts.Count; i++)
        {
            html.Append("<h3>").Append(Encode($"{model.Charts[i].Symbol} {model.Charts[i].Timeframe}")).Append("</h3>")
                .Append("<div id=\"chart-").Append(i.ToString(CultureInfo.InvariantCulture)).Append("\" class=\"chart\"></div>\n");
        }

        html.Append("</section>\n<section id=\"trades\"><h2>Trades</h2>\n");
        AppendTable(html, model.Trades, "trades");
        html.Append("</section>\n")
            .Append("<footer>Charts: ").Append(ChartLibrary.Name).Append(' ').Append(ChartLibrary.Version)
            .Append(" (Apache-2.0), inlined below.</footer>\n")
            .Append("<script type=\"application/json\" id=\"report-data\">").Append(DataJson(model)).Append("</script>\n")
            .Append("<script>\n/* ").Append(ChartLibrary.Name).Append(' ').Append(ChartLibrary.Version)
            .Append(", Apache License 2.0: https://www.apache.org/licenses/LICENSE-2.0 */\n")
            .Append(ChartLibrary.Script).Append("\n</script>\n")
            .Append("<script>\n").Append(PageScript).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The chart data as JSON (exposed for tests).</summary>
    internal static string DataJson(HtmlReportModel model)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            WriteCurves(json, model.EquityTimesMs.Span, model.Equity.Span);
            json.WriteStartArray("charts");
            for (var i = 0; i < model.Charts.Count; i++)
            {
                WriteChart(json, model.Charts[i], i);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteCurves(Utf8JsonWriter json, ReadOnlySpan<long> times, ReadOnlySpan<decimal> equity)
    {
        if (times.Length != equity.Length)
        {
            throw new ArgumentException($"equity curve has {times.Length} times but {equity.Length} values");
        }

        var bucket = ChartDownsampler.BucketSize(times.Length);
        json.WriteNumber("equity_bucket", bucket);
        json.WriteStartArray("equity");
        var peak = decimal.MinValue;
        var deepest = 0m;
        var drawdown = new List<(long Time, decimal Value)>();
        var lastTime = long.MinValue;
        for (var i = 0; i < times.Length; i++)
        {
            peak = Math.Max(peak, equity[i]);
            var dd = peak > 0m ? ((equity[i] / peak) - 1m) * 100m : 0m;
            deepest = Math.Min(deepest, dd);
            var endOfBucket = (i + 1) % bucket == 0 || i == times.Length - 1;
            if (!endOfBucket)
            {
                continue;
            }

            var seconds = times[i] / 1000;
            if (seconds <= lastTime)
            {
                continue; // the chart needs strictly ascending times; sub-second points keep the first
            }

            lastTime = seconds;
            json.WriteStartArray();
            json.WriteNumberValue(seconds);
            json.WriteNumberValue(Math.Round(equity[i], 8));
            json.WriteEndArray();
            drawdown.Add((seconds, Math.Round(deepest, 6)));
            deepest = 0m;
        }

        json.WriteEndArray();
        json.WriteStartArray("drawdown");
        foreach (var (time, value) in drawdown)
        {
            json.WriteStartArray();
            json.WriteNumberValue(time);
            json.WriteNumberValue(value);
            json.WriteEndArray();
        }

        json.WriteEndArray();
    }

    private static void WriteChart(Utf8JsonWriter json, CandleChart chart, int index)
    {
        var bucket = ChartDownsampler.BucketSize(chart.Bars.Length);
        var candles = ChartDownsampler.Candles(chart.Bars.Span, bucket);
        json.WriteStartObject();
        json.WriteString("id", $"chart-{index.ToString(CultureInfo.InvariantCulture)}");
        json.WriteString("title", $"{chart.Symbol} {chart.Timeframe}");
        json.WriteNumber("bucket", bucket);
        json.WriteStartArray("candles");
        foreach (var bar in candles)
        {
            json.WriteStartArray();
            json.WriteNumberValue(bar.OpenTimeMs / 1000);
            json.WriteNumberValue(bar.Open);
            json.WriteNumberValue(bar.High);
            json.WriteNumberValue(bar.Low);
            json.WriteNumberValue(bar.Close);
            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteStartArray("markers");
        foreach (var marker in chart.Markers.OrderBy(m => m.TimeMs))
        {
            json.WriteStartObject();
            json.WriteNumber("time", ChartDownsampler.SnapToCandle(candles, marker.TimeMs) / 1000);
            json.WriteString("position", marker.IsBuy ? "belowBar" : "aboveBar");
            json.WriteString("color", marker.IsEntry ? "#1e88e5" : marker.IsBuy ? "#43a047" : "#e53935");
            json.WriteString("shape", marker.IsBuy ? "arrowUp" : "arrowDown");
            json.WriteString("text", marker.Text);
            json.WriteNumber("price", marker.Price);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void AppendTable(StringBuilder html, ReportTable table, string cssClass)
    {
        html.Append("<table class=\"").Append(cssClass).Append("\">\n<caption>").Append(Encode(table.Caption)).Append("</caption>\n<thead><tr>");
        foreach (var column in table.Columns)
        {
            html.Append("<th>").Append(Encode(column)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td>").Append(Encode(cell)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private const string Style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px; color: #1f2328; }
        h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.6em; } h3 { font-size: 1em; }
        table { border-collapse: collapse; margin: 8px 0 16px; font-size: 13px; }
        th, td { border-bottom: 1px solid #d0d7de; padding: 3px 10px; text-align: right; white-space: nowrap; }
        th:first-child, td:first-child, table.facts td { text-align: left; }
        caption { text-align: left; font-weight: 600; padding: 4px 0; }
        .chart { width: 100%; height: 360px; } .chart.small { height: 200px; }
        #errors .js-error { color: #b00020; font-weight: 600; }
        footer { margin-top: 2em; color: #57606a; font-size: 12px; }

        """;

    private const string PageScript = """
        (function () {
          'use strict';
          var errors = document.getElementById('errors');
          function fail(message) {
            var line = document.createElement('div');
            line.className = 'js-error';
            line.textContent = 'report script error: ' + message;
            errors.appendChild(line);
          }
          window.addEventListener('error', function (e) { fail(e.message); });
          try {
            var LC = window.LightweightCharts;
            var data = JSON.parse(document.getElementById('report-data').textContent);
            function make(id) {
              var element = document.getElementById(id);
              return LC.createChart(element, {
                autoSize: true,
                layout: { background: { color: '#ffffff' }, textColor: '#1f2328' },
                grid: { vertLines: { color: '#eef1f4' }, horzLines: { color: '#eef1f4' } },
                // minBarSpacing below the default 0.5 px lets fitContent show a whole year of 1h points.
                timeScale: { timeVisible: true, secondsVisible: false, minBarSpacing: 0.001 },
              });
            }
            var equity = make('equity');
            equity.addSeries(LC.LineSeries, { color: '#1e88e5', lineWidth: 2 })
              .setData(data.equity.map(function (p) { return { time: p[0], value: p[1] }; }));
            equity.timeScale().fitContent();
            var drawdown = make('drawdown');
            drawdown.addSeries(LC.AreaSeries, { lineColor: '#e53935', topColor: 'rgba(229,57,53,0.05)', bottomColor: 'rgba(229,57,53,0.35)', lineWidth: 1 })
              .setData(data.drawdown.map(function (p) { return { time: p[0], value: p[1] }; }));
            drawdown.timeScale().fitContent();
            data.charts.forEach(function (c) {
              var chart = make(c.id);
              var series = chart.addSeries(LC.CandlestickSeries, {
                upColor: '#26a69a', downColor: '#ef5350', borderVisible: false, wickUpColor: '#26a69a', wickDownColor: '#ef5350',
              });
              series.setData(c.candles.map(function (k) { return { time: k[0], open: k[1], high: k[2], low: k[3], close: k[4] }; }));
              LC.createSeriesMarkers(series, c.markers.map(function (m) {
                return { time: m.time, position: m.position, color: m.color, shape: m.shape, text: c.markers.length <= 60 ? m.text : '' };
              }));
              chart.timeScale().fitContent();
            });
            if (errors.childElementCount === 0) { document.body.setAttribute('data-render', 'ok'); }
          } catch (e) {
            fail(e && e.message ? e.message : String(e));
          }
        })();

        """;
}
