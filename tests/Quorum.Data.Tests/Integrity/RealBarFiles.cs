using System.Globalization;
using System.Text.Json;
using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.TestKit;

namespace Quorum.Data.Tests.Integrity;

/// <summary>
/// Minimal loaders for the real files in ../shared/data, private to these tests (the project's
/// readers are written elsewhere): freqtrade JSON <c>[[open_ms, o, h, l, c, v], ...]</c> with
/// decimals parsed exactly from their JSON text, and the perp CSVs
/// <c>Date,Open,High,Low,Close,Volume</c> with <c>2020-01-01 00:00:00+00:00</c> times.
/// </summary>
internal static class RealBarFiles
{
    public const string Spot1mFolder = "ohlcv/binance-spot_2021-04-20_2021-05-20_1m-freqtrade-json";
    public const string SpotFolder = "ohlcv/binance-spot_2020-12_2021-07_freqtrade-json";
    public const string PerpFolder = "ohlcv/binance-usdm-perp_2020-2024";

    /// <summary>Loads <paramref name="relativePath"/> under the shared data folder (skipping the test when absent).</summary>
    public static BarSeries FreqtradeJson(string relativePath, Symbol symbol, Timeframe timeframe)
    {
        var path = SharedData.Require(relativePath);
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var rows = document.RootElement;
        var bars = new Bar[rows.GetArrayLength()];
        var i = 0;
        foreach (var row in rows.EnumerateArray())
        {
            bars[i++] = new Bar(
                row[0].GetInt64(),
                Exact(row[1]),
                Exact(row[2]),
                Exact(row[3]),
                Exact(row[4]),
                Exact(row[5]));
        }

        return new BarSeries(symbol, timeframe, bars);
    }

    /// <summary>Loads a perp CSV under the shared data folder (skipping the test when absent).</summary>
    public static BarSeries PerpCsv(string relativePath, Symbol symbol, Timeframe timeframe)
    {
        var path = SharedData.Require(relativePath);
        var lines = File.ReadAllLines(path);
        lines[0].ShouldBe("Date,Open,High,Low,Close,Volume");
        var bars = new Bar[lines.Length - 1];
        for (var i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            var date = cells[0].Length == 10 ? cells[0] + " 00:00:00+00:00" : cells[0];
            var time = DateTimeOffset.ParseExact(date, "yyyy-MM-dd HH:mm:sszzz", CultureInfo.InvariantCulture);
            bars[i - 1] = new Bar(
                time.ToUnixTimeMilliseconds(),
                decimal.Parse(cells[1], NumberStyles.Float, CultureInfo.InvariantCulture),
                decimal.Parse(cells[2], NumberStyles.Float, CultureInfo.InvariantCulture),
                decimal.Parse(cells[3], NumberStyles.Float, CultureInfo.InvariantCulture),
                decimal.Parse(cells[4], NumberStyles.Float, CultureInfo.InvariantCulture),
                decimal.Parse(cells[5], NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        return new BarSeries(symbol, timeframe, bars);
    }

    /// <summary>The number exactly as written in the JSON text (not through double).</summary>
    private static decimal Exact(JsonElement element) =>
        decimal.Parse(element.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);
}
