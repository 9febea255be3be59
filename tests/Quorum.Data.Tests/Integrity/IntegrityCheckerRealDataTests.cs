using Quorum.Core.Instruments;
using Quorum.Core.Time;
using Quorum.Data.Integrity;
using static Quorum.Data.Tests.Resampling.TestTimes;

namespace Quorum.Data.Tests.Integrity;

/// <summary>
/// The integrity checker against the real files in ../shared/data: it must find the Binance
/// maintenance gaps listed in ../shared/data/README.md in the spot files (those inside each
/// file's period), with their exact times, and nothing in the USDT-M perp CSVs.
/// </summary>
public sealed class IntegrityCheckerRealDataTests
{
    /// <summary>
    /// README: 2020-12-21 14-18h, 2020-12-25, 2021-02-11, 2021-03-06, 2021-04-20 01-04h,
    /// 2021-04-25 04-08h, 2021-08-13 01-06h, 2021-09-29 06-09h, 2023-03-24 12-14h. The spot files
    /// run 2020-12-01 → 2021-07-17, so the last three do not apply (checked below).
    /// Each entry is "first missing → last missing (count)" in the file's timeframe.
    /// </summary>
    private static readonly string[] SpotGaps5m =
    [
        "2020-12-21 14:10 → 2020-12-21 17:55 (46)",
        "2020-12-25 02:00 → 2020-12-25 02:55 (12)",
        "2021-02-11 03:45 → 2021-02-11 04:55 (15)",
        "2021-03-06 02:00 → 2021-03-06 03:25 (18)",
        "2021-04-20 02:00 → 2021-04-20 04:25 (30)",
        "2021-04-25 04:05 → 2021-04-25 08:40 (56)",
    ];

    private static readonly string[] SpotGaps1h =
    [
        "2020-12-21 15:00 → 2020-12-21 17:00 (3)",
        "2020-12-25 02:00 → 2020-12-25 02:00 (1)",
        "2021-02-11 04:00 → 2021-02-11 04:00 (1)",
        "2021-03-06 02:00 → 2021-03-06 02:00 (1)",
        "2021-04-20 02:00 → 2021-04-20 03:00 (2)",
        "2021-04-25 05:00 → 2021-04-25 07:00 (3)",
    ];

    private static readonly string[] OutsideTheSpotFiles = ["2021-08-13 01:00", "2021-09-29 06:00", "2023-03-24 12:00"];

    /// <summary>
    /// The outage windows exactly as ../shared/data/README.md lists them ("14-18h" = 14:00 up to
    /// the end of the 18:00 hour; a bare date = the whole day), in UTC.
    /// </summary>
    private static readonly (string Readme, long FromMs, long ToMs)[] ReadmeGaps =
    [
        Hours("2020-12-21", 14, 18),
        Day("2020-12-25"),
        Day("2021-02-11"),
        Day("2021-03-06"),
        Hours("2021-04-20", 1, 4),
        Hours("2021-04-25", 4, 8),
        Hours("2021-08-13", 1, 6),
        Hours("2021-09-29", 6, 9),
        Hours("2023-03-24", 12, 14),
    ];

    public static TheoryData<string, string> SpotFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var symbol in new[] { "BTC", "ETH", "SOL", "XRP", "ADA" })
        {
            data.Add(symbol, "5m");
            data.Add(symbol, "1h");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SpotFiles))]
    public void Check_SpotFreqtradeFiles_FindExactlyTheReadmeMaintenanceGaps(string symbol, string timeframe)
    {
        var series = RealBarFiles.FreqtradeJson(
            $"{RealBarFiles.SpotFolder}/{symbol}_USDT-{timeframe}.json", Symbol.Parse($"BINANCE:{symbol}USDT"), Timeframe.Parse(timeframe));

        var report = IntegrityChecker.Check(series);

        Describe(report).ShouldBe(timeframe == "5m" ? SpotGaps5m : SpotGaps1h, ignoreOrder: false, customMessage: report.ToText());
        report.HasErrors.ShouldBeFalse(report.ToText());
        MatchReadme(report).ShouldBe(["2020-12-21 14-18h", "2020-12-25", "2021-02-11", "2021-03-06", "2021-04-20 01-04h", "2021-04-25 04-08h"]);
        foreach (var outside in OutsideTheSpotFiles)
        {
            Utc(outside).ShouldBeGreaterThan(report.LastOpenTimeMs!.Value);
        }
    }

    [Theory]
    [InlineData("BTC", "1m", "2021-04-25 04:01 → 2021-04-25 08:44 (284)")]
    [InlineData("ETH", "1m", "2021-04-25 04:01 → 2021-04-25 08:44 (284)")]
    [InlineData("BTC", "5m", "2021-04-25 04:05 → 2021-04-25 08:40 (56)")]
    [InlineData("ETH", "5m", "2021-04-25 04:05 → 2021-04-25 08:40 (56)")]
    public void Check_Spot1mFolderFiles_FindTheApril25MaintenanceGapOnly(string symbol, string timeframe, string expectedGap)
    {
        var series = RealBarFiles.FreqtradeJson(
            $"{RealBarFiles.Spot1mFolder}/{symbol}_USDT-{timeframe}.json", Symbol.Parse($"BINANCE:{symbol}USDT"), Timeframe.Parse(timeframe));

        var report = IntegrityChecker.Check(series);

        Describe(report).ShouldBe([expectedGap], ignoreOrder: false, customMessage: report.ToText());
        report.HasErrors.ShouldBeFalse(report.ToText());
        MatchReadme(report).ShouldBe(["2021-04-25 04-08h"], "the file starts at 2021-04-20 20:40, after the 01-04h outage");
        report.ToText().ShouldContain(timeframe == "1m"
            ? "  warning gap: 2021-04-25 04:01 → 08:44 UTC (284 bars missing)\n"
            : "  warning gap: 2021-04-25 04:05 → 08:40 UTC (56 bars missing)\n");
    }

    [Theory]
    [InlineData("BTCUSDT_1h.csv", "1h")]
    [InlineData("ETHUSDT_1h.csv", "1h")]
    [InlineData("SOLUSDT_1h.csv", "1h")]
    [InlineData("BNBUSDT_1h.csv", "1h")]
    [InlineData("DOGEUSDT_1h.csv", "1h")]
    [InlineData("AVAXUSDT_1h.csv", "1h")]
    [InlineData("LINKUSDT_1h.csv", "1h")]
    [InlineData("BTCUSDT_4h.csv", "4h")]
    [InlineData("ETHUSDT_4h.csv", "4h")]
    [InlineData("SOLUSDT_4h.csv", "4h")]
    [InlineData("BTCUSDT_1d.csv", "1d")]
    [InlineData("ETHUSDT_1d.csv", "1d")]
    [InlineData("SOLUSDT_1d.csv", "1d")]
    public void Check_UsdmPerpCsvs_HaveNoGaps(string file, string timeframe)
    {
        var symbol = Symbol.Parse($"BINANCE:{file[..file.IndexOf('_', StringComparison.Ordinal)]}.P");
        var series = RealBarFiles.PerpCsv($"{RealBarFiles.PerpFolder}/{file}", symbol, Timeframe.Parse(timeframe));

        var report = IntegrityChecker.Check(series);

        report.Gaps.ShouldBeEmpty(report.ToText());
        report.IsClean.ShouldBeTrue(report.ToText());
        report.BarCount.ShouldBeGreaterThan(1000);

        // Clean on purpose, not by lack of overlap: the perp traded through every spot outage of the README.
        var times = series.Span.ToArray().Select(b => b.OpenTimeMs).ToHashSet();
        foreach (var (readme, from, to) in ReadmeGaps)
        {
            var firstBar = series.Timeframe.AlignDown(from);
            (firstBar < series[0].OpenTimeMs || times.Contains(firstBar)).ShouldBeTrue($"{file} has no bar at the spot outage {readme}");
        }

        ReadmeGaps.Count(g => g.FromMs >= series[0].OpenTimeMs).ShouldBe(9, $"{file} covers every README outage");
    }

    /// <summary>
    /// Checks the report against the README's list: every detected gap lies inside one README
    /// window, and every README window inside the file's period contains a detected gap.
    /// Returns the README entries found, in order.
    /// </summary>
    private static List<string> MatchReadme(IntegrityReport report)
    {
        var first = report.FirstOpenTimeMs!.Value;
        var last = report.LastOpenTimeMs!.Value;
        foreach (var gap in report.Gaps)
        {
            ReadmeGaps.Count(g => gap.FirstMissingOpenTimeMs >= g.FromMs && gap.LastMissingOpenTimeMs < g.ToMs)
                .ShouldBe(1, $"gap {gap} of {report.Symbol} {report.Timeframe} is not one of the README outages");
        }

        var found = new List<string>();
        foreach (var (readme, from, to) in ReadmeGaps.Where(g => g.FromMs > first && g.ToMs <= last))
        {
            report.Gaps.ShouldContain(
                gap => gap.FirstMissingOpenTimeMs >= from && gap.LastMissingOpenTimeMs < to,
                $"README outage {readme} is inside {report.Symbol} {report.Timeframe} ({Text(first)} → {Text(last)}) but was not found");
            found.Add(readme);
        }

        return found;
    }

    private static (string, long, long) Hours(string day, int fromHour, int toHour) =>
        ($"{day} {fromHour:00}-{toHour:00}h", Utc($"{day} {fromHour:00}:00"), Utc($"{day} {toHour:00}:00") + Timeframe.HourMs);

    private static (string, long, long) Day(string day) => (day, Utc($"{day} 00:00"), Utc($"{day} 00:00") + Timeframe.DayMs);

    private static string[] Describe(IntegrityReport report) =>
        [.. report.Gaps.Select(g => $"{Text(g.FirstMissingOpenTimeMs)} → {Text(g.LastMissingOpenTimeMs)} ({g.MissingBarCount})")];
}
