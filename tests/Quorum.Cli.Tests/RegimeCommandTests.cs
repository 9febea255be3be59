using Quorum.Core.Time;
using Quorum.Data.Catalog;
using Quorum.Data.Synthetic;
using Quorum.Indicators;
using Quorum.Strategies.Regimes;

namespace Quorum.Cli.Tests;

public sealed class RegimeCommandTests
{
    [Fact]
    public void Regime_PrintsTheTimeInEachLabelAndWritesEveryBarsLabelAsTheClassifierGivesIt()
    {
        using var cli = new CliRunner();
        cli.Run("data", "synth", "--days", "40", "--timeframe", "1h").ExitCode.ShouldBe(0);
        var file = Path.Combine(cli.Home, "regime.csv");

        var result = cli.Run("regime", "--symbol", "SYNTH:BTCUSDT", "--timeframe", "1h", "--out", file);

        result.ExitCode.ShouldBe(0, result.ToString());
        foreach (var label in new[] { "trend_up", "trend_down", "range_lowvol", "range_highvol", "panic", "unknown" })
        {
            result.Output.ShouldContain(label);
        }

        var series = new DataCatalog(cli.DataDirectory).Load(DemoDataset.Btc, Timeframe.H1);
        var classifier = new Seed001RegimeClassifier(Timeframe.H1);
        var expected = new List<string>();
        foreach (var bar in series.Span)
        {
            classifier.Update(OhlcvPoint.From(bar));
            expected.Add(classifier.Label);
        }

        var rows = File.ReadAllLines(file);
        rows[0].ShouldStartWith("timestamp,label,adx,");
        rows.Skip(1).Select(r => r.Split(',')[1]).ShouldBe(expected);
        expected.ShouldContain(l => l != "unknown");
        result.Output.ShouldContain($"last label: {expected[^1]}");
    }

    [Fact]
    public void Regime_ForASeriesNotInTheCatalog_ExitsTwo()
    {
        using var cli = new CliRunner();

        var result = cli.Run("regime", "--symbol", "BINANCE:BTCUSDT", "--timeframe", "1h");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain("BINANCE:BTCUSDT 1h");
    }
}
