using System.Globalization;
using System.Text;
using System.Text.Json;
using Quorum.Core.Instruments;
using Quorum.Core.Time;
using Quorum.Data.Catalog;
using Quorum.Data.Import;
using Quorum.Data.Readers;
using Quorum.Research.Backtest;
using Quorum.Research.Reports;
using Quorum.TestKit;

namespace Quorum.Research.Tests.Backtest;

/// <summary>
/// The golden backtest: <c>ema_cross</c> (12/26) on real Binance USDT-M BTCUSDT.P 4h bars, 2021-01-01 → 2023-01-01,
/// with real funding, default fees and slippage, 10 000 USDT, sized by the risk gate under configs/governance.yaml
/// (0.8 % R, green bonus, dynamic reduction, daily lock, kill switch, portfolio limits; docs/risk.md). It pins derived numbers only (statistics and the
/// order-list hash, never market data) in Golden/ema_cross_btcusdt_p_4h.json. Any change to fills, fees, funding, timing
/// or sizing fails with a "key: expected vs actual" diff. To re-bless after an intended change, run the test with
/// QUORUM_BLESS_GOLDEN=1 (it rewrites the file in the source tree) and commit the diff with the reason.
/// </summary>
public sealed class GoldenBacktestTests
{
    public const string BlessVariable = "QUORUM_BLESS_GOLDEN";

    private const string GoldenFile = "ema_cross_btcusdt_p_4h.json";

    private static readonly string[] PinnedKeys =
    [
        "trades", "wins", "losses", "win_rate", "profit_factor", "expectancy", "expectancy_r", "net_pnl", "gross_profit", "gross_loss",
        "fees", "funding", "final_equity", "return_pct", "max_drawdown_pct", "sharpe", "sortino", "calmar", "exposure_pct",
        "order_list_hash", "order_commands", "signals", "skipped_signals",
    ];

    [Fact]
    public void EmaCross_OnRealBtcPerp4h_MatchesTheGoldenStatisticsAndOrderHash()
    {
        var actual = Pinned(Run());
        var path = Repository.Combine("tests", "Quorum.Research.Tests", "Backtest", "Golden", GoldenFile);
        if (Environment.GetEnvironmentVariable(BlessVariable) is "1")
        {
            File.WriteAllText(path, Serialize(actual));
            return;
        }

        File.Exists(path).ShouldBeTrue($"{path} is missing; run with {BlessVariable}=1 to create it");
        var expected = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllText(path))!;
        var diff = new StringBuilder();
        foreach (var key in PinnedKeys)
        {
            var want = expected.TryGetValue(key, out var value) ? value.GetRawText() : "(absent)";
            var got = actual[key].GetRawText();
            if (want != got)
            {
                diff.Append(CultureInfo.InvariantCulture, $"  {key}: expected {want} vs actual {got}\n");
            }
        }

        diff.Length.ShouldBe(0, $"golden backtest changed ({path}):\n{diff}If the change is intended, rerun with {BlessVariable}=1 and commit the new file.");
    }

    [Fact]
    public void EmaCross_OnRealBtcPerp4h_TwiceGivesIdenticalResultJsonBytes()
    {
        var first = ResultJsonWriter.Write(Run());
        var second = ResultJsonWriter.Write(Run());

        Encoding.UTF8.GetBytes(second).ShouldBe(Encoding.UTF8.GetBytes(first));
    }

    private static BacktestResult Run()
    {
        var bars = SharedData.Require("ohlcv/binance-usdm-perp_2020-2024/BTCUSDT_4h.csv");
        var fundingFile = SharedData.Require("funding/BTC-USDT_binance_2020-01-01_2024-01-01_funding_history.csv");
        var symbol = Symbol.Parse("BINANCE:BTCUSDT.P");
        using var directory = new TempDirectory();
        var catalog = new DataCatalog(directory.Path);
        new DataImporter(catalog).Import(bars, symbol, Timeframe.H4, CatalogWriteMode.Replace);
        var options = new BacktestOptions
        {
            Strategy = "ema_cross",
            Symbols = [symbol],
            Timeframe = Timeframe.H4,
            FromMs = BacktestTime.Parse("2021-01-01", "--from"),
            ToMs = BacktestTime.Parse("2023-01-01", "--to"),
            Funding = new Dictionary<Symbol, IReadOnlyList<Core.MarketData.FundingRate>> { [symbol] = FundingFileReader.Read(fundingFile, symbol) },
            Governance = Configuration.ConfigLoader.LoadGovernance(Repository.Combine("configs", Configuration.ConfigLoader.GovernanceFileName)),
        };
        return new BacktestRunner(catalog).Run(options, cancellationToken: TestContext.Current.CancellationToken);
    }

    private static Dictionary<string, JsonElement> Pinned(BacktestResult result)
    {
        var all = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(ResultJsonWriter.Write(result))!;
        return PinnedKeys.ToDictionary(k => k, k => all[k]);
    }

    private static string Serialize(Dictionary<string, JsonElement> values)
    {
        var text = new StringBuilder("{\n");
        for (var i = 0; i < PinnedKeys.Length; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  \"{PinnedKeys[i]}\": {values[PinnedKeys[i]].GetRawText()}{(i < PinnedKeys.Length - 1 ? "," : string.Empty)}\n");
        }

        return text.Append("}\n").ToString();
    }
}
