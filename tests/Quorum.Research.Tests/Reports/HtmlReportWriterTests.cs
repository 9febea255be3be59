using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Quorum.Core.MarketData;
using Quorum.Research.Reports;
using Quorum.TestKit;

namespace Quorum.Research.Tests.Reports;

public sealed partial class HtmlReportWriterTests
{
    [Fact]
    public void Render_InlinesTheChartLibraryAndItsLicenceNotice()
    {
        var html = HtmlReportWriter.Render(ReportSamples.Model());

        html.ShouldContain("TradingView Lightweight Charts™ v5.2.1");
        html.ShouldContain("window.LightweightCharts=");
        html.ShouldContain("Apache License 2.0");
        html.ShouldNotContain("<script src=", Case.Insensitive); // nothing is fetched at view time
        html.ShouldNotContain("<link ", Case.Insensitive);
    }

    [Fact]
    public void Render_EmbedsTheDataAsParseableJson_WithEquityDrawdownCandlesAndMarkers()
    {
        var html = HtmlReportWriter.Render(ReportSamples.Model());

        using var data = JsonDocument.Parse(DataBlock(html));
        var root = data.RootElement;
        root.GetProperty("equity").GetArrayLength().ShouldBe(48);
        // First point: time = open 2021-01-01 00:00 + 1h, in seconds; equity 10 000 + 0 − 0.
        root.GetProperty("equity")[0][0].GetInt64().ShouldBe((ReportSamples.Start / 1000) + 3600);
        root.GetProperty("equity")[0][1].GetDecimal().ShouldBe(10_000m);
        // Equity 10 000, 10 010 − 25 = 9 985: drawdown at point 1 = (9 985 / 10 000 − 1) × 100 = −0.15 %.
        root.GetProperty("drawdown")[1][1].GetDecimal().ShouldBe(-0.15m);
        var chart = root.GetProperty("charts")[0];
        chart.GetProperty("title").GetString().ShouldBe("SYNTH:BTCUSDT 1h");
        chart.GetProperty("candles").GetArrayLength().ShouldBe(48);
        chart.GetProperty("candles")[0][1].GetDecimal().ShouldBe(100m);
        chart.GetProperty("markers").GetArrayLength().ShouldBe(2);
        chart.GetProperty("markers")[0].GetProperty("shape").GetString().ShouldBe("arrowUp");
        chart.GetProperty("markers")[1].GetProperty("text").GetString().ShouldBe("sell 0.5 (signal)");
    }

    [Fact]
    public void Render_EscapesTextInTablesAndTitle()
    {
        var html = HtmlReportWriter.Render(ReportSamples.Model(title: "a <script> & title"));

        html.ShouldContain("&lt;b&gt;escaped&lt;/b&gt; &amp; safe");
        html.ShouldContain("<title>a &lt;script&gt; &amp; title</title>");
        html.ShouldContain("<td>42.50</td>");
    }

    [Fact]
    public void Render_IsWellNestedHtml_OutsideScripts()
    {
        var html = HtmlReportWriter.Render(ReportSamples.Model());

        html.ShouldStartWith("<!DOCTYPE html>");
        var markup = ScriptBody().Replace(html, "<script></script>");
        var open = new Stack<string>();
        foreach (Match tag in Tag().Matches(markup))
        {
            var name = tag.Groups["name"].Value.ToLowerInvariant();
            if (name is "meta" or "br" or "link" or "!doctype")
            {
                continue;
            }

            if (tag.Groups["close"].Success)
            {
                open.ShouldNotBeEmpty($"</{name}> closes nothing");
                open.Pop().ShouldBe(name, $"</{name}> closes the wrong element");
            }
            else
            {
                open.Push(name);
            }
        }

        open.ShouldBeEmpty();
    }

    [Fact]
    public void Render_LargeSeries_DownsamplesCandlesButKeepsEveryMarker()
    {
        // 120 001 hourly candles > 50 000: bucket = ⌈120 001 / 50 000⌉ = 3 → ⌈120 001 / 3⌉ = 40 001 candles.
        var model = ReportSamples.Model(candles: 120_001);

        using var data = JsonDocument.Parse(HtmlReportWriter.DataJson(model));

        var chart = data.RootElement.GetProperty("charts")[0];
        chart.GetProperty("bucket").GetInt32().ShouldBe(3);
        chart.GetProperty("candles").GetArrayLength().ShouldBe(40_001);
        chart.GetProperty("markers").GetArrayLength().ShouldBe(2);
        // The exit at bar 9 lands in bucket 3 (bars 9–11), whose candle opens at bar 9.
        chart.GetProperty("markers")[1].GetProperty("time").GetInt64().ShouldBe((ReportSamples.Start / 1000) + (9 * 3600));
        data.RootElement.GetProperty("equity").GetArrayLength().ShouldBe(40_001);
    }

    [Fact]
    public void Downsampler_MergesABucketIntoOneCandle()
    {
        Bar[] bars =
        [
            new(0, 10m, 12m, 9m, 11m, 1m),
            new(60_000, 11m, 15m, 10m, 14m, 2m),
            new(120_000, 14m, 14m, 7m, 8m, 3m),
        ];

        var merged = ChartDownsampler.Candles(bars, 3);

        merged.ShouldBe([new Bar(0, 10m, 15m, 7m, 8m, 6m)]);
    }

    [Fact]
    public async Task PageScript_IsValidJavaScript()
    {
        var node = FindOnPath("node") ?? SkipBecause("node is not on PATH: the JavaScript syntax check of report.html needs Node.js");
        using var directory = new TempDirectory();
        var html = HtmlReportWriter.Render(ReportSamples.Model());
        var scripts = ScriptBody().Matches(html).Select(m => m.Groups["body"].Value).ToList();
        scripts.Count.ShouldBe(3); // data, library, page
        for (var i = 1; i < scripts.Count; i++)
        {
            var path = directory.Combine($"script-{i}.js");
            File.WriteAllText(path, scripts[i]);
            var (exit, output) = await RunProcess(node, "--check", path);
            exit.ShouldBe(0, output);
        }
    }

    [Fact]
    public async Task Report_RendersInHeadlessChromium_WithoutScriptErrors()
    {
        var chromium = Chromium.Find();
        using var directory = new TempDirectory();
        var path = directory.Combine("report.html");
        File.WriteAllText(path, HtmlReportWriter.Render(ReportSamples.Model()));

        var (exit, dom) = await RunProcess(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=5000", "--dump-dom", "file://" + path);

        exit.ShouldBe(0, dom);
        dom.ShouldContain("data-render=\"ok\"");
        dom.ShouldNotContain("class=\"js-error\"");
    }

    private static string DataBlock(string html) =>
        DataScript().Match(html) is { Success: true } match ? match.Groups["json"].Value : throw new ShouldAssertException("no report-data block");

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);

    private static string SkipBecause(string message)
    {
        Assert.Skip(message);
        return string.Empty;
    }

    private static async Task<(int Exit, string Output)> RunProcess(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var cancellation = TestContext.Current.CancellationToken;
        var output = process.StandardOutput.ReadToEndAsync(cancellation);
        var error = process.StandardError.ReadToEndAsync(cancellation);
        await process.WaitForExitAsync(cancellation);
        return (process.ExitCode, await output + await error);
    }

    [GeneratedRegex("<script[^>]*>(?<body>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ScriptBody();

    [GeneratedRegex("<script type=\"application/json\" id=\"report-data\">(?<json>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex DataScript();

    [GeneratedRegex(@"<(?<close>/)?(?<name>[!a-zA-Z][a-zA-Z0-9]*)[^>]*>")]
    private static partial Regex Tag();
}
