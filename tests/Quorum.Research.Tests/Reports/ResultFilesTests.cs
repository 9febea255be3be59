using System.Text.Json;
using Quorum.Research.Reports;
using Quorum.TestKit;

namespace Quorum.Research.Tests.Reports;

public sealed class ResultFilesTests
{
    [Fact]
    public void TradesCsv_WritesOneExactRowPerTrade()
    {
        var csv = TradesCsvWriter.Write(ResultSamples.Result().Trades);

        var lines = csv.Split('\n');
        lines[0].ShouldBe(TradesCsvWriter.Header);
        // net = 5 − 0.105 = 4.895; R = 4.895 / 2.5 = 1.958.
        lines[1].ShouldBe("q1-b1-p1,ema_cross,BINANCE:BTCUSDT,LONG,2021-01-01T01:00:00Z,2021-01-01T03:00:00Z,0.5,100,110,5,0.105,0,4.895,2.5,1.958,signal");
        // net = −5.5 − 0.2145 = −5.7145; R = −5.7145 / 5.5 = −1.039 exactly.
        lines[2].ShouldBe("q1-b1-p2,ema_cross,BINANCE:BTCUSDT,LONG,2021-01-01T04:00:00Z,2021-01-01T06:00:00Z,1,110,104.5,-5.5,0.2145,0,-5.7145,5.5,-1.039,stop_loss");
        lines.Length.ShouldBe(4); // header, two rows, empty after the last \n
    }

    [Fact]
    public void ResultJson_HasTheSnakeCaseStatisticsBreakdownsRunAndHash()
    {
        using var document = JsonDocument.Parse(ResultJsonWriter.Write(ResultSamples.Result()));
        var root = document.RootElement;

        root.GetProperty("trades").GetInt32().ShouldBe(2);
        root.GetProperty("wins").GetInt32().ShouldBe(1);
        root.GetProperty("win_rate").GetDouble().ShouldBe(0.5);
        // profit factor = 4.895 / 5.7145 = 0.8565928…
        root.GetProperty("profit_factor").GetDouble().ShouldBe(4.895 / 5.7145, 1e-12);
        root.GetProperty("net_pnl").GetDecimal().ShouldBe(-0.8195m);
        root.GetProperty("fees").GetDecimal().ShouldBe(0.3195m);
        root.GetProperty("funding").GetDecimal().ShouldBe(0m);
        foreach (var key in new[] { "max_drawdown_pct", "sharpe", "sortino", "calmar", "expectancy_r", "exposure_pct" })
        {
            root.TryGetProperty(key, out _).ShouldBeTrue(key);
        }

        root.GetProperty("order_list_hash").GetString().ShouldBe("ab12");
        root.GetProperty("by_strategy").GetProperty("ema_cross").GetProperty("trades").GetInt32().ShouldBe(2);
        root.GetProperty("by_symbol").GetProperty("BINANCE:BTCUSDT").GetProperty("net_pnl").GetDecimal().ShouldBe(-0.8195m);
        var run = root.GetProperty("run");
        run.GetProperty("strategy").GetString().ShouldBe("ema_cross");
        run.GetProperty("parameters").GetProperty("slow").GetDouble().ShouldBe(26);
        run.GetProperty("from").GetString().ShouldBe("2021-01-01T00:00:00Z");
        run.GetProperty("to").ValueKind.ShouldBe(JsonValueKind.Null);
        run.GetProperty("fee_bps").GetDecimal().ShouldBe(10m);
        run.GetProperty("slippage_bps").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public void ResultJson_SameResultTwice_GivesIdenticalText()
    {
        ResultJsonWriter.Write(ResultSamples.Result()).ShouldBe(ResultJsonWriter.Write(ResultSamples.Result()));
    }

    [Fact]
    public void WriteAll_WritesTheThreeFiles()
    {
        using var directory = new TempDirectory();

        var paths = BacktestReport.WriteAll(ResultSamples.Result(), directory.Combine("out"));

        paths.Select(Path.GetFileName).ShouldBe(["result.json", "trades.csv", "report.html"]);
        paths.ShouldAllBe(p => File.Exists(p));
        File.ReadAllText(paths[2]).ShouldContain("<td>stop_loss</td>");
    }
}
